package dev.steward.adapter.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerSettingsTest {

    @Test
    void defaultsNeedNoVariables() {
        DockerSettings settings = DockerSettings.from(Map.of());

        assertThat(settings.dockerHost()).isEqualTo("unix:///var/run/docker.sock");
        assertThat(settings.mode()).isEqualTo(DockerSettings.Mode.DOCKER);
        assertThat(settings.image()).isEqualTo("steward/agent:dev");
        assertThat(settings.nanoCpus()).isEqualTo(500_000_000L);
        assertThat(settings.memoryBytes()).isEqualTo(256L << 20);
        assertThat(settings.maxRestarts()).isEqualTo(3);
        assertThat(settings.healthInterval()).as("no health check by default").isZero();
        assertThat(settings.healthCheckOn()).isFalse();
        assertThat(settings.installation()).isEqualTo(DockerSettings.DEFAULT_INSTALLATION);
        assertThat(settings.controlPlaneUrl()).isEqualTo("http://host.docker.internal:8080");
    }

    @Test
    void readsEveryVariable() {
        DockerSettings settings = DockerSettings.from(Map.ofEntries(
                Map.entry("DOCKER_HOST", "tcp://10.0.0.5:2375"),
                Map.entry("STEWARD_RUNTIME", "swarm"),
                Map.entry("STEWARD_AGENT_IMAGE", "registry.example/steward/agent:1.0"),
                Map.entry("STEWARD_CONTROL_PLANE_URL", "https://steward.example"),
                Map.entry("STEWARD_AGENT_CPUS", "1.5"),
                Map.entry("STEWARD_AGENT_MEMORY_MB", "512"),
                Map.entry("STEWARD_AGENT_PIDS", "100"),
                Map.entry("STEWARD_AGENT_MAX_RESTARTS", "5"),
                Map.entry("STEWARD_AGENT_HEALTH_CMD", "true"),
                Map.entry("STEWARD_AGENT_HEALTH_INTERVAL_MS", "1000"),
                Map.entry("STEWARD_INSTALLATION_ID", "acme-prod"),
                Map.entry("STEWARD_REGISTRY_USER", "puller"),
                Map.entry("STEWARD_REGISTRY_PASSWORD", "s3cret"),
                Map.entry("STEWARD_SWARM_CONSTRAINT", "node.labels.steward==agents, node.role!=manager")));

        assertThat(settings).isEqualTo(new DockerSettings("tcp://10.0.0.5:2375", DockerSettings.Mode.SWARM,
                "acme-prod", "registry.example/steward/agent:1.0", "https://steward.example", 1_500_000_000L,
                512L << 20, 100, 5, "true", Duration.ofSeconds(1),
                Optional.of(new RegistryCredentials("puller", "s3cret")),
                List.of("node.labels.steward==agents", "node.role!=manager")));
        assertThat(settings.toString()).as("the password never reaches a log line").doesNotContain("s3cret");
    }

    /**
     * Issue 14: the engine runs no health check unless asked, and says so explicitly, so that an image's own
     * HEALTHCHECK (older agent images had one, every 5 s) does not run either; turned on, it is the heartbeat check.
     */
    @Test
    void theEngineRunsNoHealthCheckUnlessTheOperatorTurnsItOn() {
        assertThat(DockerAgentRuntime.healthCheck(DockerSettings.from(Map.of())).getTest()).containsExactly("NONE");

        var on = DockerAgentRuntime.healthCheck(DockerSettings.from(Map.of("STEWARD_AGENT_HEALTH_INTERVAL_MS",
                "30000")));
        assertThat(on.getTest()).containsExactly("CMD-SHELL", DockerSettings.DEFAULT_HEALTH_COMMAND);
        assertThat(on.getInterval()).isEqualTo(30_000_000_000L);
    }

    @Test
    void aHealthIntervalIsZeroOrAtLeastATenthOfASecond() {
        assertThat(DockerSettings.from(Map.of("STEWARD_AGENT_HEALTH_INTERVAL_MS", "0")).healthCheckOn()).isFalse();
        assertThatThrownBy(() -> DockerSettings.from(Map.of("STEWARD_AGENT_HEALTH_INTERVAL_MS", "50")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STEWARD_AGENT_HEALTH_INTERVAL_MS (0 for no health check) must be at least 100");
        assertThatThrownBy(() -> DockerSettings.from(Map.of("STEWARD_AGENT_HEALTH_INTERVAL_MS", "-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("STEWARD_AGENT_HEALTH_INTERVAL_MS");
    }

    @Test
    void swarmRefusesAnImageThatNamesNoRegistry() {
        assertThatThrownBy(() -> DockerSettings.from(Map.of("STEWARD_RUNTIME", "swarm", "STEWARD_CONTROL_PLANE_URL",
                "http://10.0.0.1:8080", "STEWARD_AGENT_IMAGE", "steward/agent:dev")))
                .hasMessageStartingWith("STEWARD_AGENT_IMAGE must name its registry for STEWARD_RUNTIME=swarm")
                .hasMessageContaining("'steward/agent:dev'").hasMessageContaining("Docker Hub");
        assertThat(DockerSettings.from(Map.of("STEWARD_AGENT_IMAGE", "steward/agent:dev")).image())
                .as("one engine needs no registry").isEqualTo("steward/agent:dev");
        for (String qualified : List.of("localhost/steward/agent:1", "127.0.0.1:5016/steward/agent:1",
                "registry.example/agent@sha256:" + "a".repeat(64))) {
            assertThat(DockerSettings.from(Map.of("STEWARD_RUNTIME", "swarm", "STEWARD_CONTROL_PLANE_URL",
                    "http://10.0.0.1:8080", "STEWARD_AGENT_IMAGE", qualified)).image()).isEqualTo(qualified);
        }
    }

    @Test
    void readsTheRegistryPasswordFromAFileAndRefusesHalfACredential(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("registry-password");
        Files.writeString(file, "from-file\n");
        assertThat(DockerSettings.from(Map.of("STEWARD_REGISTRY_USER", "puller", "STEWARD_REGISTRY_PASSWORD_FILE",
                file.toString())).registry()).contains(new RegistryCredentials("puller", "from-file"));
        assertThatThrownBy(() -> DockerSettings.from(Map.of("STEWARD_REGISTRY_USER", "puller")))
                .hasMessageContaining("set both or neither");
        assertThatThrownBy(() -> DockerSettings.from(Map.of("STEWARD_REGISTRY_USER", "puller",
                "STEWARD_REGISTRY_PASSWORD", "x", "STEWARD_REGISTRY_PASSWORD_FILE", file.toString())))
                .hasMessage("set STEWARD_REGISTRY_PASSWORD or STEWARD_REGISTRY_PASSWORD_FILE, not both");
        assertThatThrownBy(() -> DockerSettings.from(Map.of("STEWARD_REGISTRY_USER", "puller",
                "STEWARD_REGISTRY_PASSWORD_FILE", dir.resolve("absent").toString())))
                .hasMessageStartingWith("STEWARD_REGISTRY_PASSWORD_FILE cannot be read");
    }

    @Test
    void refusesAConstraintSwarmCannotRead() {
        assertThatThrownBy(() -> DockerSettings.from(Map.of("STEWARD_SWARM_CONSTRAINT", "agents please")))
                .hasMessageStartingWith("STEWARD_SWARM_CONSTRAINT must be constraints like node.labels.steward==agents")
                .hasMessageContaining("'agents please'");
    }

    @Test
    void namesTheVariableOfAMalformedNumber() {
        assertThatThrownBy(() -> DockerSettings.from(Map.of("STEWARD_AGENT_MEMORY_MB", "lots")))
                .hasMessage("STEWARD_AGENT_MEMORY_MB must be a whole number (got 'lots')");
        assertThatThrownBy(() -> DockerSettings.from(Map.of("STEWARD_AGENT_CPUS", "half")))
                .hasMessageStartingWith("STEWARD_AGENT_CPUS must be a decimal number of cores");
    }

    @Test
    void refusesAnUnknownRuntimeMode() {
        assertThatThrownBy(() -> DockerSettings.from(Map.of("STEWARD_RUNTIME", "kubernetes")))
                .hasMessage("STEWARD_RUNTIME must be docker or swarm for the Docker runtime (got 'kubernetes')");
    }

    @Test
    void refusesAHostThatIsNeitherUnixNorTcp() {
        assertThatThrownBy(() -> DockerSettings.from(Map.of("DOCKER_HOST", "http://localhost:2375")))
                .hasMessageStartingWith("DOCKER_HOST must start with unix:// or tcp://");
    }

    @Test
    void refusesLimitsTooSmallToRunAnAgent() {
        assertThatThrownBy(() -> DockerSettings.from(Map.of("STEWARD_AGENT_MEMORY_MB", "1")))
                .hasMessageStartingWith("STEWARD_AGENT_MEMORY_MB");
        assertThatThrownBy(() -> DockerSettings.from(Map.of("STEWARD_AGENT_CPUS", "0")))
                .hasMessageStartingWith("STEWARD_AGENT_CPUS");
        assertThatThrownBy(() -> DockerSettings.from(Map.of("STEWARD_AGENT_MAX_RESTARTS", "-1")))
                .hasMessageStartingWith("STEWARD_AGENT_MAX_RESTARTS");
    }

    @Test
    void refusesAControlPlaneUrlThatIsNotHttp() {
        assertThatThrownBy(() -> DockerSettings.from(Map.of("STEWARD_CONTROL_PLANE_URL", "steward.example")))
                .hasMessageStartingWith("STEWARD_CONTROL_PLANE_URL must be an http(s) URL");
    }

    @Test
    void anUnsetInstallationIdTakesTheDerivedDefault() {
        String derived = DockerSettings.installationOf("/var/lib/steward");

        assertThat(DockerSettings.from(Map.of(), derived).installation()).isEqualTo(derived);
        assertThat(DockerSettings.from(Map.of("STEWARD_INSTALLATION_ID", "mine"), derived).installation())
                .isEqualTo("mine");
    }

    @Test
    void theDerivedInstallationIdIsStableAndDiffersPerLocation() {
        assertThat(DockerSettings.installationOf("/var/lib/steward"))
                .isEqualTo(DockerSettings.installationOf("/var/lib/steward"))
                .isNotEqualTo(DockerSettings.installationOf("/srv/other-steward"))
                .matches("sha-[0-9a-f]{16}");
    }

    @Test
    void refusesAnInstallationIdThatCannotBeALabelValue() {
        assertThatThrownBy(() -> DockerSettings.from(Map.of("STEWARD_INSTALLATION_ID", "acme prod")))
                .hasMessageStartingWith("STEWARD_INSTALLATION_ID must be 1-64 letters, digits")
                .hasMessageContaining("'acme prod'");
        assertThatThrownBy(() -> DockerSettings.from(Map.of("STEWARD_INSTALLATION_ID", "-x")))
                .hasMessageStartingWith("STEWARD_INSTALLATION_ID");
        assertThatThrownBy(() -> DockerSettings.from(Map.of("STEWARD_INSTALLATION_ID", "x".repeat(65))))
                .hasMessageStartingWith("STEWARD_INSTALLATION_ID");
    }

    @Test
    void swarmNeedsAControlPlaneUrlEveryNodeReaches() {
        assertThatThrownBy(() -> DockerSettings.from(Map.of("STEWARD_RUNTIME", "swarm")))
                .hasMessageStartingWith("STEWARD_CONTROL_PLANE_URL is required for STEWARD_RUNTIME=swarm");
        assertThat(DockerSettings.from(Map.of("STEWARD_RUNTIME", "swarm", "STEWARD_CONTROL_PLANE_URL",
                "http://10.0.0.1:8080", "STEWARD_AGENT_IMAGE", "registry.example/steward/agent:1")).controlPlaneUrl())
                .isEqualTo("http://10.0.0.1:8080");
    }

    @Test
    void theDefaultControlPlaneUrlFollowsStewardHttpPort() {
        assertThat(DockerSettings.from(Map.of()).controlPlaneUrl()).isEqualTo("http://host.docker.internal:8080");
        assertThat(DockerSettings.from(Map.of("STEWARD_HTTP_PORT", "9090")).controlPlaneUrl())
                .isEqualTo("http://host.docker.internal:9090");
        assertThat(DockerSettings.from(Map.of("STEWARD_HTTP_PORT", "9090", "STEWARD_CONTROL_PLANE_URL",
                "http://10.0.0.5:80")).controlPlaneUrl()).isEqualTo("http://10.0.0.5:80");
        assertThatThrownBy(() -> DockerSettings.from(Map.of("STEWARD_HTTP_PORT", "0")))
                .hasMessageContaining("STEWARD_CONTROL_PLANE_URL is required when STEWARD_HTTP_PORT is 0");
    }
}
