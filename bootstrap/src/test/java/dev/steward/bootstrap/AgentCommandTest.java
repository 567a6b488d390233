package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.diagnostics.Diagnostics.ResourceUsage;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AgentCommandTest {

    private static final Map<String, String> GOOD = Map.of("STEWARD_CONTROL_PLANE_URL", "http://host.docker.internal:8080",
            "STEWARD_AGENT_TOKEN", "stw_abc");

    @Test
    void readsItsSettingsWithADefaultHeartbeat() {
        AgentCommand.Settings settings = AgentCommand.Settings.from(GOOD);
        assertThat(settings.controlPlane()).hasHost("host.docker.internal");
        assertThat(settings.token()).isEqualTo("stw_abc");
        assertThat(settings.heartbeat()).isEqualTo(Duration.ofSeconds(20)).isEqualTo(AgentCommand.DEFAULT_HEARTBEAT);
    }

    @Test
    void theAgentMeasuresItselfAtItsFirstCheckInAndThenOncePerPeriodNotAtEveryHeartbeat() throws Exception {
        var usage = new ResourceUsage(1.5, 40L << 20, 256L << 20, 1, 2, 3, 4);
        AtomicInteger samples = new AtomicInteger();
        var sampled = AgentCommand.sampledEvery(Duration.ofMillis(300), () -> {
            samples.incrementAndGet();
            return Optional.of(usage);
        });

        assertThat(sampled.get()).contains(usage);
        assertThat(sampled.get()).isEmpty();
        assertThat(sampled.get()).isEmpty();
        assertThat(samples).hasValue(1);
        Thread.sleep(350);
        assertThat(sampled.get()).contains(usage);
        assertThat(samples).hasValue(2);
    }

    @Test
    void aMissingVariableIsNamed() {
        assertThatThrownBy(() -> AgentCommand.Settings.from(Map.of("STEWARD_AGENT_TOKEN", "stw_abc")))
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("STEWARD_CONTROL_PLANE_URL is required");
        assertThatThrownBy(() -> AgentCommand.Settings.from(Map.of("STEWARD_CONTROL_PLANE_URL", "http://cp:8080")))
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("STEWARD_AGENT_TOKEN or STEWARD_AGENT_TOKEN_FILE is required");
    }

    @Test
    void aUrlThatIsNotHttpWithAHostIsRefused() {
        for (String url : new String[] {"cp:8080", "ftp://cp", "http://", "http://bad host/"}) {
            assertThatThrownBy(() -> AgentCommand.Settings.from(Map.of("STEWARD_CONTROL_PLANE_URL", url,
                    "STEWARD_AGENT_TOKEN", "t")))
                    .as(url).isInstanceOf(ConfigurationError.class).hasMessageContaining("STEWARD_CONTROL_PLANE_URL");
        }
    }

    @Test
    void aHeartbeatThatIsNotANumberOrOutOfRangeIsRefused() {
        for (String heartbeat : new String[] {"soon", "0", "-5", "99", "20001", "600000"}) {
            Map<String, String> env = new java.util.HashMap<>(GOOD);
            env.put("STEWARD_HEARTBEAT_MS", heartbeat);
            assertThatThrownBy(() -> AgentCommand.Settings.from(env)).as(heartbeat)
                    .isInstanceOf(ConfigurationError.class).hasMessageContaining("STEWARD_HEARTBEAT_MS")
                    .hasMessageContaining(heartbeat);
        }
    }

    @Test
    void readsTheTokenFromTheFileStewardAgentTokenFileNamesAndRefusesBothOrAnUnreadableOne() throws Exception {
        java.nio.file.Path secret = java.nio.file.Files.createTempFile("agent-token", "");
        java.nio.file.Files.writeString(secret, "stb_from-a-secret\n");
        Map<String, String> env = Map.of("STEWARD_CONTROL_PLANE_URL", "http://cp:8080",
                "STEWARD_AGENT_TOKEN_FILE", secret.toString());

        assertThat(AgentCommand.Settings.from(env).token()).isEqualTo("stb_from-a-secret");
        assertThatThrownBy(() -> AgentCommand.Settings.from(Map.of("STEWARD_CONTROL_PLANE_URL", "http://cp:8080",
                "STEWARD_AGENT_TOKEN_FILE", secret.toString(), "STEWARD_AGENT_TOKEN", "stb_x")))
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> AgentCommand.Settings.from(Map.of("STEWARD_CONTROL_PLANE_URL", "http://cp:8080",
                "STEWARD_AGENT_TOKEN_FILE", secret + ".missing")))
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("STEWARD_AGENT_TOKEN_FILE cannot be read")
                .hasMessageNotContaining("stb_");
    }
}
