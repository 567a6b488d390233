package dev.steward.adapter.web.metrics;

import dev.steward.application.port.activity.MetricsRecorder;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.client.ClientId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The core's metrics as Micrometer meters (served by {@link MetricsRoutes} in Prometheus' format). Names, as
 * Prometheus shows them: {@code steward_reconcile_pass_seconds{pass}}, {@code steward_provisioning_latency_seconds}
 * (a histogram), {@code steward_clients{status}}, {@code steward_clients_deploy{deploy_status}},
 * {@code steward_approvals_pending}, {@code steward_agents_running_here}, {@code steward_work_items{state}},
 * {@code steward_webhook_deliveries_total{kind,outcome}}, {@code steward_tool_calls_total{tool,outcome}},
 * {@code steward_model_tokens_total{client,direction}}. docs/metrics.md lists them with their meaning.
 */
public final class MicrometerMetricsRecorder implements MetricsRecorder {

    private final MeterRegistry registry;
    private final Map<Tags, AtomicLong> gauges = new ConcurrentHashMap<>();

    @Inject
    public MicrometerMetricsRecorder(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void reconcilePass(Pass pass, Duration took) {
        Timer.builder("steward.reconcile.pass").description("one pass of the provisioning reconciler")
                .tag("pass", lower(pass)).register(registry).record(took);
    }

    @Override
    public void agentProvisioned(Duration latency) {
        Timer.builder("steward.provisioning.latency")
                .description("from a client's provisioning start until its agent runs the configuration")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(100)).maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry).record(latency);
    }

    @Override
    public void clients(Map<AgentStatus, Long> byStatus, Map<String, Long> byDeployStatus) {
        for (AgentStatus status : AgentStatus.values()) {
            if (status != AgentStatus.DESTROYED) {
                gauge("steward.clients", "live clients by status", byStatus.getOrDefault(status, 0L), "status",
                        status.label());
            }
        }
        byDeployStatus.forEach((status, count) -> gauge("steward.clients.deploy", "live clients by deploy status",
                count, "deploy_status", status));
    }

    @Override
    public void approvalsPending(long count) {
        gauge("steward.approvals.pending", "approval requests waiting for a technician", count);
    }

    @Override
    public void agentsRunningHere(int count) {
        gauge("steward.agents.running.here", "in-process agents running in this control plane", count);
    }

    @Override
    public void workItems(long waiting, long inFlight) {
        gauge("steward.work.items", "work items by state", waiting, "state", "waiting");
        gauge("steward.work.items", "work items by state", inFlight, "state", "in_flight");
    }

    @Override
    public void webhookDelivery(String kind, Delivery delivery) {
        Counter.builder("steward.webhook.deliveries").description("PSA webhook deliveries by how they were answered")
                .tags("kind", kind, "outcome", lower(delivery)).register(registry).increment();
    }

    @Override
    public void toolCall(String tool, String outcome) {
        Counter.builder("steward.tool.calls").description("tool calls through the gateway by outcome")
                .tags("tool", tool, "outcome", outcome).register(registry).increment();
    }

    @Override
    public void modelTokens(ClientId client, long input, long output) {
        Counter.builder("steward.model.tokens").description("model tokens used, by client")
                .tags("client", client.toString(), "direction", "input").register(registry).increment(input);
        Counter.builder("steward.model.tokens").description("model tokens used, by client")
                .tags("client", client.toString(), "direction", "output").register(registry).increment(output);
    }

    /** A gauge reads the holder it was registered with: one holder per name and labels, registered once. */
    private void gauge(String name, String description, long value, String... labels) {
        Tags key = Tags.of(labels).and("__name", name);
        gauges.computeIfAbsent(key, k -> {
            AtomicLong holder = new AtomicLong();
            Gauge.builder(name, holder, AtomicLong::get).description(description).tags(labels).register(registry);
            return holder;
        }).set(value);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
