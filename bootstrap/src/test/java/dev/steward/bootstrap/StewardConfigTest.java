package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.adapter.llm.LlmSettings;
import dev.steward.adapter.persistence.PersistenceSettings;
import dev.steward.adapter.persistence.SecretKeySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StewardConfigTest {

    @Test
    void securitySettingsDefaultToTheSafeChoiceAndAreChecked() {
        StewardConfig.Security defaults = StewardConfig.from(Map.of()).security();
        assertThat(defaults.trustProxy()).isFalse();
        assertThat(defaults.integrationsAllowHttp()).isFalse();
        assertThat(defaults.sessionIdle()).isEqualTo(java.time.Duration.ofMinutes(30));
        assertThat(defaults.webhookRate()).isEqualTo(120);

        StewardConfig.Security set = StewardConfig.from(Map.of("STEWARD_TRUST_PROXY", "true",
                "STEWARD_INTEGRATIONS_ALLOW_HTTP", "TRUE", "STEWARD_SESSION_IDLE_MINUTES", "5",
                "STEWARD_WEBHOOK_DELIVERIES_PER_MINUTE", "600")).security();
        assertThat(set.trustProxy()).isTrue();
        assertThat(set.integrationsAllowHttp()).isTrue();
        assertThat(set.sessionIdle()).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThat(set.webhookRate()).isEqualTo(600);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StewardConfig.from(Map.of("STEWARD_TRUST_PROXY",
                "yes"))).hasMessageContaining("STEWARD_TRUST_PROXY must be true or false");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StewardConfig.from(Map.of(
                "STEWARD_SESSION_IDLE_MINUTES", "0"))).hasMessageContaining("STEWARD_SESSION_IDLE_MINUTES");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StewardConfig.from(Map.of(
                "STEWARD_WEBHOOK_DELIVERIES_PER_MINUTE", "0"))).hasMessageContaining(
                "STEWARD_WEBHOOK_DELIVERIES_PER_MINUTE");
    }

    @Test
    void anEmptyEnvironmentGivesTheEmbeddedDefault() {
        StewardConfig config = StewardConfig.from(Map.of());
        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.store()).isEqualTo(StewardConfig.Store.POSTGRES);
        assertThat(config.persistence()).isInstanceOf(PersistenceSettings.Embedded.class);
        assertThat(config.runtime()).isEqualTo(StewardConfig.Runtime.INPROCESS);
        assertThat(config.reconcileDue()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.reasoner()).isEqualTo(StewardConfig.Reasoner.RUNBOOK);
        assertThat(config.llm()).isEmpty();
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
    void theSecretKeyIsGivenOrInAFileOrCreatedInTheDataDirectory() {
        String key = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(StewardConfig.from(Map.of("STEWARD_SECRET_KEY", key)).secretKey())
                .isEqualTo(new SecretKeySource.Given(key));
        assertThat(StewardConfig.from(Map.of("STEWARD_SECRET_KEY_FILE", "/run/secrets/steward")).secretKey())
                .isEqualTo(new SecretKeySource.KeyFile(java.nio.file.Path.of("/run/secrets/steward"), false));
        assertThat(StewardConfig.from(Map.of("STEWARD_DATA_DIR", "/tmp/s")).secretKey())
                .isEqualTo(new SecretKeySource.KeyFile(java.nio.file.Path.of("/tmp/s/secret.key"), true));
        assertThatThrownBy(() -> StewardConfig.from(Map.of("STEWARD_SECRET_KEY", "c2hvcnQ=")))
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("STEWARD_SECRET_KEY")
                .hasMessageContaining("32 bytes");
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
    void thePublicUrlIsOptionalAndMustBeAnAbsoluteHttpUrl() {
        assertThat(StewardConfig.from(Map.of()).publicUrl()).as("PSAs are polled only").isEmpty();
        assertThat(StewardConfig.from(Map.of("STEWARD_PUBLIC_URL", " https://steward.example.com/ ")).publicUrl())
                .contains("https://steward.example.com");
        for (String bad : List.of("steward.example.com", "ftp://steward.example.com", "https://x.example/?a=b")) {
            assertThatThrownBy(() -> StewardConfig.from(Map.of("STEWARD_PUBLIC_URL", bad))).as(bad)
                    .isInstanceOf(ConfigurationError.class)
                    .hasMessageContaining("STEWARD_PUBLIC_URL must be an absolute http or https URL");
        }
    }

    private static final Map<String, String> OPENAI = Map.of("STEWARD_REASONER", "openai",
            "STEWARD_LLM_URL", "https://api.openai.com/v1", "STEWARD_LLM_MODEL", "gpt-4o-mini",
            "STEWARD_LLM_API_KEY", "sk-live-7c1d");

    private static Map<String, String> openAiWith(String... keysAndValues) {
        Map<String, String> env = new HashMap<>(OPENAI);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] == null) {
                env.remove(keysAndValues[i]);
            } else {
                env.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return env;
    }

    @Test
    void theOpenAiReasonerReadsItsModelSettingsWithoutShowingTheKey() {
        StewardConfig config = StewardConfig.from(openAiWith("STEWARD_LLM_TIMEOUT_MS", "20000"));

        assertThat(config.reasoner()).isEqualTo(StewardConfig.Reasoner.OPENAI);
        LlmSettings llm = config.llm().orElseThrow();
        assertThat(llm.url()).hasToString("https://api.openai.com/v1");
        assertThat(llm.model()).isEqualTo("gpt-4o-mini");
        assertThat(llm.key()).isPresent();
        assertThat(llm.azure()).isFalse();
        assertThat(llm.requestTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.toString()).doesNotContain("sk-live-7c1d");
    }

    @Test
    void aLocalServerNeedsNoKeyAndAzureIsChosenByItsApiVersion() {
        assertThat(StewardConfig.from(openAiWith("STEWARD_LLM_API_KEY", null, "STEWARD_LLM_URL",
                "http://localhost:11434/v1")).llm().orElseThrow().key()).isEmpty();
        LlmSettings azure = StewardConfig.from(openAiWith("STEWARD_LLM_URL",
                "https://contoso.openai.azure.com/openai/deployments/gpt-4o", "STEWARD_LLM_AZURE_API_VERSION",
                "2024-10-21")).llm().orElseThrow();
        assertThat(azure.azure()).isTrue();
        assertThat(azure.azureApiVersion()).contains("2024-10-21");
    }

    @Test
    void theKeyCanComeFromAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("llm-key"), "sk-from-file\n");
        LlmSettings llm = StewardConfig.from(openAiWith("STEWARD_LLM_API_KEY", null, "STEWARD_LLM_API_KEY_FILE",
                file.toString())).llm().orElseThrow();
        assertThat(llm.key()).isPresent();

        assertThatThrownBy(() -> StewardConfig.from(openAiWith("STEWARD_LLM_API_KEY_FILE", file.toString())))
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> StewardConfig.from(openAiWith("STEWARD_LLM_API_KEY", null,
                "STEWARD_LLM_API_KEY_FILE", dir.resolve("missing").toString())))
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("STEWARD_LLM_API_KEY_FILE cannot be read");
        Path empty = Files.writeString(dir.resolve("empty"), "  \n");
        assertThatThrownBy(() -> StewardConfig.from(openAiWith("STEWARD_LLM_API_KEY", null,
                "STEWARD_LLM_API_KEY_FILE", empty.toString())))
                .isInstanceOf(ConfigurationError.class).hasMessage("STEWARD_LLM_API_KEY_FILE is required");
    }

    @Test
    void everyBadModelSettingNamesItsVariable() {
        assertThatThrownBy(() -> StewardConfig.from(Map.of("STEWARD_REASONER", "gpt")))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("STEWARD_REASONER must be one of runbook, openai");
        assertThatThrownBy(() -> StewardConfig.from(openAiWith("STEWARD_LLM_URL", null)))
                .isInstanceOf(ConfigurationError.class).hasMessageStartingWith("STEWARD_LLM_URL is required");
        assertThatThrownBy(() -> StewardConfig.from(openAiWith("STEWARD_LLM_MODEL", " ")))
                .isInstanceOf(ConfigurationError.class).hasMessageStartingWith("STEWARD_LLM_MODEL is required");
        assertThatThrownBy(() -> StewardConfig.from(openAiWith("STEWARD_LLM_URL", "api.openai.com")))
                .isInstanceOf(ConfigurationError.class).hasMessageStartingWith("STEWARD_LLM_URL must be an absolute");
        assertThatThrownBy(() -> StewardConfig.from(openAiWith("STEWARD_LLM_URL", "https://exa mple")))
                .isInstanceOf(ConfigurationError.class).hasMessageStartingWith("STEWARD_LLM_URL must be a URL");
        assertThatThrownBy(() -> StewardConfig.from(openAiWith("STEWARD_LLM_AZURE_API_VERSION", "latest")))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageStartingWith("STEWARD_LLM_AZURE_API_VERSION must look like");
        assertThatThrownBy(() -> StewardConfig.from(openAiWith("STEWARD_LLM_API_KEY", null,
                "STEWARD_LLM_AZURE_API_VERSION", "2024-10-21")))
                .isInstanceOf(ConfigurationError.class)
                .hasMessage("STEWARD_LLM_API_KEY is required for Azure OpenAI");
        assertThatThrownBy(() -> StewardConfig.from(openAiWith("STEWARD_LLM_TIMEOUT_MS", "5")))
                .isInstanceOf(ConfigurationError.class).hasMessageStartingWith("STEWARD_LLM_TIMEOUT_MS must be between");
    }

    @Test
    void theRunbookReasonerIgnoresModelSettings() {
        assertThat(StewardConfig.from(Map.of("STEWARD_LLM_URL", "not a url")).llm()).isEmpty();
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
    void thePsaPollingPeriodDefaultsToAMinuteAndIsBounded() {
        assertThat(StewardConfig.from(Map.of()).psaPoll()).isEqualTo(java.time.Duration.ofMinutes(1));
        assertThat(StewardConfig.from(Map.of("STEWARD_PSA_POLL_MS", "5000")).psaPoll())
                .isEqualTo(java.time.Duration.ofSeconds(5));
        assertThatThrownBy(() -> StewardConfig.from(Map.of("STEWARD_PSA_POLL_MS", "10")))
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("STEWARD_PSA_POLL_MS");
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
