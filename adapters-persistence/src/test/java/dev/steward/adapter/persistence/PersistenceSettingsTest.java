package dev.steward.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PersistenceSettingsTest {

    @Test
    void refusesAnExternalUrlThatIsNotPostgresql() {
        assertThatThrownBy(() -> new PersistenceSettings.External("jdbc:mysql://db/steward", "u", "p"))
                .hasMessageContaining("database url must start with jdbc:postgresql:")
                .hasMessageContaining("jdbc:mysql://db/steward");
    }

    @Test
    void neverPrintsTheExternalPassword() {
        PersistenceSettings settings = new PersistenceSettings.External("jdbc:postgresql://db/steward", "steward",
                "hunter2");

        assertThat(settings.toString()).doesNotContain("hunter2").contains("password=***");
    }

    @Test
    void refusesAPoolWithoutConnections() {
        assertThatThrownBy(() -> new PersistenceSettings.Embedded(Path.of("data"), 0))
                .hasMessageContaining("poolSize must be at least 1");
    }

    @Test
    void keepsEmbeddedDataUnderTheUsersHomeByDefault() {
        assertThat(PersistenceSettings.defaultDataDirectory())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".steward", "postgres"));
    }
}
