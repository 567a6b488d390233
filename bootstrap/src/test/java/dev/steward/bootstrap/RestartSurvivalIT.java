package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.application.client.ClientDetails;
import dev.steward.application.client.CreateClientCommand;
import dev.steward.application.inprocess.InProcessAgentRuntime;
import dev.steward.domain.agent.AgentStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embedded default keeps its data: stop the whole server (and its PostgreSQL), start again, all is there. */
class RestartSurvivalIT {

    @Test
    void clientsAndTheMspSurviveARestartOnTheEmbeddedDefault() throws Exception {
        Path dataDir = Files.createTempDirectory("steward-restart");
        Map<String, String> env = Map.of("STEWARD_HTTP_PORT", "0", "STEWARD_DATA_DIR", dataDir.toString(),
                "STEWARD_RECONCILE_DUE_MS", "50");

        ClientDetails created;
        String mspId;
        try (StewardServer first = StewardServer.start(StewardConfig.from(env))) {
            mspId = first.defaultMsp().id().toString();
            created = first.useCases().createClient()
                    .create(new CreateClientCommand(first.defaultMsp().id(), "Kept Ltd", "kept-ltd"));
            await().atMost(Duration.ofSeconds(30)).until(() -> first.useCases().getClient()
                    .get(first.defaultMsp().id(), "kept-ltd").client().status() == AgentStatus.ACTIVE);
        }

        try (StewardServer second = StewardServer.start(StewardConfig.from(env))) {
            assertThat(second.defaultMsp().id().toString()).as("no second MSP on restart").isEqualTo(mspId);
            ClientDetails reloaded = second.useCases().getClient().get(second.defaultMsp().id(), "kept-ltd");
            assertThat(reloaded.client().id()).isEqualTo(created.client().id());
            assertThat(second.useCases().history().history(second.defaultMsp().id(), "kept-ltd"))
                    .extracting(change -> change.to())
                    .containsSubsequence(AgentStatus.CREATING, AgentStatus.PROVISIONING, AgentStatus.ACTIVE);
            // the first instance left cleanly, so the restarted one takes its placement over at once and runs the
            // agent again: the client stays active instead of going through provisioning
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    second.component(InProcessAgentRuntime.class).runningHere() == 1);
            assertThat(second.useCases().getClient().get(second.defaultMsp().id(), "kept-ltd").client().status())
                    .isEqualTo(AgentStatus.ACTIVE);
            assertThat(second.useCases().history().history(second.defaultMsp().id(), "kept-ltd"))
                    .filteredOn(change -> change.to() == AgentStatus.ACTIVE).hasSize(1);
        }
    }
}
