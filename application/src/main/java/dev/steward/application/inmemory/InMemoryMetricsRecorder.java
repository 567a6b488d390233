package dev.steward.application.inmemory;

import dev.steward.application.port.activity.MetricsRecorder;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.client.ClientId;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Metrics kept in memory under Prometheus-like names and labels (for embedding and tests: read them with
 * {@link #value}). Timings are counted and summed in milliseconds.
 */
public final class InMemoryMetricsRecorder implements MetricsRecorder {

    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    @Inject
    public InMemoryMetricsRecorder() {
    }

    /** The value under {@code name} with label pairs {@code labels} ("key", "value", ...); 0 if never recorded. */
    public long value(String name, String... labels) {
        AtomicLong value = values.get(key(name, labels));
        return value == null ? 0 : value.get();
    }

    private static String key(String name, String... labels) {
        return name + List.of(labels);
    }

    private void add(long amount, String name, String... labels) {
        values.computeIfAbsent(key(name, labels), k -> new AtomicLong()).addAndGet(amount);
    }

    private void set(long value, String name, String... labels) {
        values.computeIfAbsent(key(name, labels), k -> new AtomicLong()).set(value);
    }

    @Override
    public void reconcilePass(Pass pass, Duration took) {
        String label = pass.name().toLowerCase(java.util.Locale.ROOT);
        add(1, "reconcile_passes", "pass", label);
        add(took.toMillis(), "reconcile_pass_ms", "pass", label);
    }

    @Override
    public void agentProvisioned(Duration latency) {
        add(1, "agents_provisioned");
        add(latency.toMillis(), "provisioning_ms");
    }

    @Override
    public void clients(Map<AgentStatus, Long> byStatus, Map<String, Long> byDeployStatus) {
        for (AgentStatus status : AgentStatus.values()) {
            set(byStatus.getOrDefault(status, 0L), "clients", "status", status.label());
        }
        byDeployStatus.forEach((status, count) -> set(count, "clients_deploy", "deploy_status", status));
    }

    @Override
    public void approvalsPending(long count) {
        set(count, "approvals_pending");
    }

    @Override
    public void agentsRunningHere(int count) {
        set(count, "agents_running_here");
    }

    @Override
    public void workItems(long waiting, long inFlight) {
        set(waiting, "work_items", "state", "waiting");
        set(inFlight, "work_items", "state", "in_flight");
    }

    @Override
    public void webhookDelivery(String kind, Delivery delivery) {
        add(1, "webhook_deliveries", "kind", kind, "outcome", delivery.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public void toolCall(String tool, String outcome) {
        add(1, "tool_calls", "tool", tool, "outcome", outcome);
    }

    @Override
    public void modelTokens(ClientId client, long input, long output) {
        add(input, "model_tokens", "client", client.toString(), "direction", "input");
        add(output, "model_tokens", "client", client.toString(), "direction", "output");
    }
}
