package dev.steward.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.port.integration.SecretVault;
import dev.steward.application.port.integration.SecretVaultContract;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.msp.MspId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class JdbiSecretVaultIT extends SecretVaultContract {

    private final JdbiStores stores = TestDatabase.stores();
    private final JdbiSecretVault vault = new JdbiSecretVault(stores.unitOfWork(), new SecretCipher(newKey()));

    private static byte[] newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Override
    protected SecretVault vault() {
        return vault;
    }

    @Override
    protected IntegrationRepository integrations() {
        return stores.integrations();
    }

    @Override
    protected MspRepository msps() {
        return stores.msps();
    }

    @Override
    protected ClientRepository clients() {
        return stores.clients();
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return stores.unitOfWork();
    }

    private List<byte[]> storedCiphertexts(IntegrationId integration) {
        return TestDatabase.database().jdbi().withHandle(h -> h.createQuery(
                        "select ciphertext from integration_secrets where integration_id = :id")
                .bind("id", integration.value()).mapTo(byte[].class).list());
    }

    @Test
    void theDatabaseHoldsNoSecretInClear() {
        MspId msp = storedMsp();
        IntegrationId integration = storedIntegration(msp);

        vault.store(msp, integration, values(PRIVATE_KEY));

        List<byte[]> sealed = storedCiphertexts(integration);
        assertThat(sealed).hasSize(2);
        for (byte[] ciphertext : sealed) {
            assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain(PRIVATE_KEY)
                    .doesNotContain("short");
        }
        String settingsText = TestDatabase.database().jdbi().withHandle(h -> h.createQuery(
                "select settings::text from integration_settings where integration_id = :id")
                .bind("id", integration.value()).mapTo(String.class).one());
        assertThat(settingsText).contains("northwind").doesNotContain(PRIVATE_KEY);
    }

    @Test
    void anotherKeySaysWhichKeyTheSecretsNeedInsteadOfRevealingGarbage() {
        MspId msp = storedMsp();
        IntegrationId integration = storedIntegration(msp);
        vault.store(msp, integration, values(PRIVATE_KEY));
        JdbiSecretVault otherKey = new JdbiSecretVault(stores.unitOfWork(), new SecretCipher(newKey()));

        assertThatThrownBy(() -> otherKey.reveal(msp, integration))
                .isInstanceOfSatisfying(PortFailure.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("STEWARD_SECRET_KEY")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PRIVATE_KEY));
    }

    @Test
    void aCiphertextMovedToAnotherIntegrationDoesNotDecrypt() {
        MspId msp = storedMsp();
        IntegrationId first = storedIntegration(msp);
        IntegrationId second = storedIntegration(msp);
        vault.store(msp, first, values(PRIVATE_KEY));
        vault.store(msp, second, values("another-private-key-0000"));
        TestDatabase.database().jdbi().useHandle(h -> h.createUpdate("""
                        update integration_secrets set ciphertext =
                            (select ciphertext from integration_secrets where integration_id = :first and name = 'privateKey')
                        where integration_id = :second and name = 'privateKey'""")
                .bind("first", first.value()).bind("second", second.value()).execute());

        assertThatThrownBy(() -> vault.reveal(msp, second)).isInstanceOf(PortFailure.class)
                .hasMessageContaining("integrity");
    }
}
