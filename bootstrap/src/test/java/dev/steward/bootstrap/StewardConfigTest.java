package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.adapter.persistence.PersistenceSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StewardConfigTest {

    @Test
    void anEmptyEnvironmentGivesTheEmbeddedDefault() {
        StewardConfig config = StewardConfig.from(Map.of());
        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.store()).isEqualTo(StewardConfig.Store.POSTGRES);
        assertThat(config.persistence()).isInstanceOf(PersistenceSettings.Embedded.class);
        assertThat(config.runtime()).isEqualTo(StewardConfig.Runtime.INPROCESS);
        assertThat(config.reconcileDue()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void readsEveryVariable() {
        StewardConfig config = StewardConfig.from(Map.of("STEWARD_HTTP_HOST", "0.0.0.0", "STEWARD_HTTP_PORT", "0",
                "STEWARD_RUNTIME", "InProcess", "STEWARD_RECONCILE_DUE_MS", "50", "STEWARD_DATA_DIR", "/tmp/s"));
        assertThat(config.httpHost()).isEqualTo("0.0.0.0");
        assertThat(config.httpPort()).isZero();
        assertThat(config.reconcileDue()).isEqualTo(Duration.ofMillis(50));
        assertThat(config.dataDir()).hasToString("/tmp/s");
    }

    @Test
    void aDatabaseUrlSelectsAnExternalServer() {
        StewardConfig config = StewardConfig.from(Map.of("STEWARD_DATABASE_URL", "jdbc:postgresql://db:5432/steward",
                "STEWARD_DATABASE_USER", "app", "STEWARD_DATABASE_PASSWORD", "s3cret"));
        assertThat(config.persistence()).isEqualTo(
                new PersistenceSettings.External("jdbc:postgresql://db:5432/steward", "app", "s3cret"));
        assertThat(config.persistence().toString()).doesNotContain("s3cret");
    }

    @Test
    void aDatabaseUrlThatIsNotPostgresIsRefused() {
        StewardConfig config = StewardConfig.from(Map.of("STEWARD_DATABASE_URL", "mysql://db"));
        assertThatThrownBy(config::persistence).isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("STEWARD_DATABASE_URL");
    }

    @Test
    void aBadNumberNamesTheVariable() {
        assertThatThrownBy(() -> StewardConfig.from(Map.of("STEWARD_HTTP_PORT", "eighty")))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("STEWARD_HTTP_PORT").hasMessageContaining("eighty");
        assertThatThrownBy(() -> StewardConfig.from(Map.of("STEWARD_HTTP_PORT", "70000")))
                .hasMessageContaining("STEWARD_HTTP_PORT must be between 0 and 65535");
    }

    @Test
    void anUnknownChoiceListsTheKnownOnes() {
        assertThatThrownBy(() -> StewardConfig.from(Map.of("STEWARD_RUNTIME", "kubernetes")))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("STEWARD_RUNTIME must be one of inprocess, docker, swarm");
    }

    @Test
    void theDockerRuntimeReadsItsSettingsAndNamesABadOne() {
        StewardConfig config = StewardConfig.from(Map.of("STEWARD_RUNTIME", "docker",
                "STEWARD_AGENT_IMAGE", "registry.example/steward-agent:1"));
        assertThat(config.docker()).hasValueSatisfying(d -> assertThat(d.image())
                .isEqualTo("registry.example/steward-agent:1"));
        assertThatThrownBy(() -> StewardConfig.from(Map.of("STEWARD_RUNTIME", "docker", "STEWARD_AGENT_MEMORY_MB", "lots")))
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("STEWARD_AGENT_MEMORY_MB");
    }

    @Test
    void theFirstRunAdminDefaultsAndIsChecked() {
        StewardConfig.FirstRun defaults = StewardConfig.from(Map.of()).firstRun();
        assertThat(defaults.adminEmail()).isEqualTo("admin@steward.local");
        assertThat(defaults.adminPassword()).isEmpty();
        assertThat(defaults.mspName()).isEqualTo("Default MSP");

        StewardConfig.FirstRun chosen = StewardConfig.from(Map.of("STEWARD_ADMIN_EMAIL", "ops@msp.example",
                "STEWARD_ADMIN_PASSWORD", " a password with blanks ", "STEWARD_MSP_NAME", "Northwind IT")).firstRun();
        assertThat(chosen.adminPassword()).contains(" a password with blanks ");
        assertThat(chosen.mspName()).isEqualTo("Northwind IT");

        assertThatThrownBy(() -> StewardConfig.from(Map.of("STEWARD_ADMIN_EMAIL", "ops")))
                .isInstanceOf(ConfigurationError.class).hasMessage("STEWARD_ADMIN_EMAIL: must look like name@example.com");
        assertThatThrownBy(() -> StewardConfig.from(Map.of("STEWARD_ADMIN_PASSWORD", "short")))
                .isInstanceOf(ConfigurationError.class)
                .hasMessage("STEWARD_ADMIN_PASSWORD: must be at least 12 characters");
    }

    @Test
    void theInstallationIdFollowsTheStoreUnlessSet() {
        String sharedDb = installation(Map.of("STEWARD_DATABASE_URL", "jdbc:postgresql://db:5432/steward",
                "STEWARD_DATA_DIR", "/srv/a"));
        assertThat(installation(Map.of("STEWARD_DATABASE_URL", "jdbc:postgresql://db:5432/steward",
                "STEWARD_DATA_DIR", "/srv/b"))).as("two control planes on one database").isEqualTo(sharedDb);
        assertThat(installation(Map.of("STEWARD_DATA_DIR", "/srv/a")))
                .as("embedded stores in two data directories")
                .isNotEqualTo(installation(Map.of("STEWARD_DATA_DIR", "/srv/b")));
        assertThat(installation(Map.of("STEWARD_INSTALLATION_ID", "acme-prod"))).isEqualTo("acme-prod");
        assertThatThrownBy(() -> installation(Map.of("STEWARD_INSTALLATION_ID", "acme prod")))
                .isInstanceOf(ConfigurationError.class).hasMessageStartingWith("STEWARD_INSTALLATION_ID");
    }

    private static String installation(Map<String, String> env) {
        Map<String, String> withDocker = new HashMap<>(env);
        withDocker.put("STEWARD_RUNTIME", "docker");
        return StewardConfig.from(withDocker).docker().orElseThrow().installation();
    }
}
