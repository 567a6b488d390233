package dev.steward.application.port.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.port.activity.MetricsRecorder;
import dev.steward.application.port.activity.MetricsRecorder.Delivery;
import dev.steward.application.port.activity.MetricsRecorder.Pass;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.client.ClientId;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every {@link MetricsRecorder} must pass this. The kit reads back through {@link #reading}, in one vocabulary each
 * implementation maps to its own meters: {@code reconcile_passes{pass}}, {@code agents_provisioned},
 * {@code clients{status}}, {@code clients_deploy{deploy_status}}, {@code approvals_pending},
 * {@code agents_running_here}, {@code work_items{state}}, {@code webhook_deliveries{kind,outcome}},
 * {@code tool_calls{tool,outcome}}, {@code model_tokens{client,direction}}.
 */
public abstract class MetricsRecorderContract {

    /** A fresh recorder: nothing recorded yet. */
    protected abstract MetricsRecorder recorder();

    /** The value recorded under {@code name} with these label pairs ("key", "value", ...), 0 if none. */
    protected abstract long reading(String name, String... labels);

    @Test
    void passesAreCountedByKind() {
        recorder().reconcilePass(Pass.DUE, Duration.ofMillis(3));
        recorder().reconcilePass(Pass.DUE, Duration.ofMillis(4));
        recorder().reconcilePass(Pass.FULL, Duration.ofMillis(120));

        assertThat(reading("reconcile_passes", "pass", "due")).isEqualTo(2);
        assertThat(reading("reconcile_passes", "pass", "full")).isEqualTo(1);
    }

    @Test
    void provisionedAgentsAreCounted() {
        recorder().agentProvisioned(Duration.ofMillis(800));
        recorder().agentProvisioned(Duration.ofSeconds(2));

        assertThat(reading("agents_provisioned")).isEqualTo(2);
    }

    @Test
    void clientCountsTakeTheLatestValuesAndAnAbsentStatusIsZero() {
        recorder().clients(Map.of(AgentStatus.ACTIVE, 5L, AgentStatus.PENDING, 2L), Map.of("idle", 5L,
                "deploying", 2L));
        recorder().clients(Map.of(AgentStatus.ACTIVE, 7L), Map.of("idle", 7L, "deploying", 0L));

        assertThat(reading("clients", "status", "active")).isEqualTo(7);
        assertThat(reading("clients", "status", "pending")).isZero();
        assertThat(reading("clients_deploy", "deploy_status", "idle")).isEqualTo(7);
        assertThat(reading("clients_deploy", "deploy_status", "deploying")).isZero();
    }

    @Test
    void gaugesTakeTheLatestValue() {
        recorder().approvalsPending(4);
        recorder().approvalsPending(1);
        recorder().agentsRunningHere(12);
        recorder().agentsRunningHere(11);
        recorder().workItems(3, 2);
        recorder().workItems(1, 0);

        assertThat(reading("approvals_pending")).isEqualTo(1);
        assertThat(reading("agents_running_here")).isEqualTo(11);
        assertThat(reading("work_items", "state", "waiting")).isEqualTo(1);
        assertThat(reading("work_items", "state", "in_flight")).isZero();
    }

    @Test
    void webhookDeliveriesAreCountedByKindAndOutcome() {
        recorder().webhookDelivery("halopsa", Delivery.ACCEPTED);
        recorder().webhookDelivery("halopsa", Delivery.ACCEPTED);
        recorder().webhookDelivery("halopsa", Delivery.REFUSED);
        recorder().webhookDelivery("connectwise", Delivery.IGNORED);

        assertThat(reading("webhook_deliveries", "kind", "halopsa", "outcome", "accepted")).isEqualTo(2);
        assertThat(reading("webhook_deliveries", "kind", "halopsa", "outcome", "refused")).isEqualTo(1);
        assertThat(reading("webhook_deliveries", "kind", "connectwise", "outcome", "ignored")).isEqualTo(1);
    }

    @Test
    void toolCallsAreCountedByToolAndOutcome() {
        recorder().toolCall("m365:get-user", "ok");
        recorder().toolCall("m365:get-user", "ok");
        recorder().toolCall("m365:reset-password", "awaiting_approval");

        assertThat(reading("tool_calls", "tool", "m365:get-user", "outcome", "ok")).isEqualTo(2);
        assertThat(reading("tool_calls", "tool", "m365:reset-password", "outcome", "awaiting_approval")).isEqualTo(1);
    }

    @Test
    void modelTokensAddUpPerClientAndDirection() {
        ClientId acme = new ClientId(UUID.randomUUID());
        ClientId other = new ClientId(UUID.randomUUID());
        recorder().modelTokens(acme, 100, 20);
        recorder().modelTokens(acme, 50, 5);
        recorder().modelTokens(other, 1, 1);

        assertThat(reading("model_tokens", "client", acme.toString(), "direction", "input")).isEqualTo(150);
        assertThat(reading("model_tokens", "client", acme.toString(), "direction", "output")).isEqualTo(25);
        assertThat(reading("model_tokens", "client", other.toString(), "direction", "input")).isEqualTo(1);
    }
}
