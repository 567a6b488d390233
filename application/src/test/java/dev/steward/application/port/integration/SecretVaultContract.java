package dev.steward.application.port.integration;

import static dev.steward.application.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.port.integration.SecretVault;
import dev.steward.application.port.integration.SettingsView;
import dev.steward.application.testkit.StoreContractSupport;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.integration.MaskedSecret;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.msp.MspId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every {@link SecretVault} must pass this: one test per rule of the port's Javadoc. */
public abstract class SecretVaultContract extends StoreContractSupport {

    protected static final String PRIVATE_KEY = "pk-Zq81-very-secret-A1b2";

    protected abstract SecretVault vault();

    /** The integration store the vault's values belong to (a database may refer to its rows). */
    protected abstract IntegrationRepository integrations();

    protected IntegrationId storedIntegration(MspId msp) {
        return integrations().add(Integration.connect(new IntegrationId(UUID.randomUUID()), msp, Optional.empty(),
                "psa" + UUID.randomUUID().toString().substring(0, 8),
                List.of(), Map.of(), T0)).id();
    }

    protected static IntegrationSettings values(String privateKey) {
        return new IntegrationSettings(Map.of("apiBase", "https://cw.example/v4_6_release/apis/3.0/",
                "companyId", "northwind"), Map.of("privateKey", privateKey, "clientId", "short"));
    }

    @Test
    void revealsTheStoredValuesInClearOnlyToTheirOwnMsp() {
        MspId msp = storedMsp();
        IntegrationId integration = storedIntegration(msp);

        vault().store(msp, integration, values(PRIVATE_KEY));

        assertThat(vault().reveal(msp, integration)).contains(values(PRIVATE_KEY));
        assertThat(vault().reveal(storedMsp(), integration)).as("another MSP").isEmpty();
        assertThat(vault().describe(storedMsp(), integration)).as("another MSP").isEmpty();
    }

    @Test
    void describesSettingsInClearAndSecretsOnlyAsSetWithTheirLastFourCharacters() {
        MspId msp = storedMsp();
        IntegrationId integration = storedIntegration(msp);
        vault().store(msp, integration, values(PRIVATE_KEY));

        SettingsView view = vault().describe(msp, integration).orElseThrow();

        assertThat(view.settings()).containsEntry("apiBase", "https://cw.example/v4_6_release/apis/3.0/")
                .containsEntry("companyId", "northwind").hasSize(2);
        assertThat(view.secrets()).containsEntry("privateKey", new MaskedSecret(Optional.of("A1b2")))
                .as("a secret too short to give four characters away").containsEntry("clientId",
                        new MaskedSecret(Optional.empty()));
        assertThat(view.toString()).doesNotContain(PRIVATE_KEY).doesNotContain("short");
    }

    @Test
    void storingAgainReplacesTheValues() {
        MspId msp = storedMsp();
        IntegrationId integration = storedIntegration(msp);
        vault().store(msp, integration, values(PRIVATE_KEY));

        vault().store(msp, integration, values("a-new-private-key-9999"));

        assertThat(vault().reveal(msp, integration)).contains(values("a-new-private-key-9999"));
    }

    @Test
    void findsNothingForAnIntegrationWithoutValues() {
        MspId msp = storedMsp();

        assertThat(vault().reveal(msp, storedIntegration(msp))).isEmpty();
        assertThat(vault().describe(msp, new IntegrationId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void removesTheValuesAndSucceedsWhenThereAreNone() {
        MspId msp = storedMsp();
        IntegrationId integration = storedIntegration(msp);
        vault().store(msp, integration, values(PRIVATE_KEY));

        vault().remove(msp, integration);
        vault().remove(msp, integration);

        assertThat(vault().reveal(msp, integration)).isEmpty();
    }

    @Test
    void removesNothingOfAnotherMsp() {
        MspId msp = storedMsp();
        IntegrationId integration = storedIntegration(msp);
        vault().store(msp, integration, values(PRIVATE_KEY));

        vault().remove(storedMsp(), integration);

        assertThat(vault().reveal(msp, integration)).contains(values(PRIVATE_KEY));
    }

    @Test
    void forgetsValuesStoredInAUnitOfWorkThatFails() {
        MspId msp = storedMsp();
        IntegrationId kept = storedIntegration(msp);
        vault().store(msp, kept, values(PRIVATE_KEY));
        IntegrationId fresh = storedIntegration(msp);

        assertThatThrownBy(() -> unitOfWork().run(() -> {
            vault().store(msp, kept, values("replaced-in-a-failed-unit"));
            vault().store(msp, fresh, values(PRIVATE_KEY));
            throw new IllegalStateException("the use case failed");
        })).hasMessage("the use case failed");

        assertThat(vault().reveal(msp, kept)).contains(values(PRIVATE_KEY));
        assertThat(vault().reveal(msp, fresh)).isEmpty();
    }
}
