package dev.steward.adapter.persistence;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.port.integration.SecretVault;
import dev.steward.application.port.integration.SettingsView;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Integration values in PostgreSQL ({@code V4__integration_secrets.sql}): settings as jsonb, each secret sealed by
 * {@link SecretCipher} with its integration id and name as associated data. Secrets are decrypted only here.
 */
public final class JdbiSecretVault implements SecretVault {

    private record SealedSecret(String name, byte[] ciphertext, String keyId) {}

    private final JdbiUnitOfWork db;
    private final SecretCipher cipher;

    @Inject
    JdbiSecretVault(JdbiUnitOfWork db, SecretCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    @Override
    public void store(MspId msp, IntegrationId integration, IntegrationSettings values) {
        db.withHandle(h -> {
            int stored = h.createUpdate("""
                            insert into integration_settings (integration_id, msp_id, settings)
                            select :id, :msp, :settings::jsonb where exists
                                (select 1 from integrations where id = :id and msp_id = :msp)
                            on conflict (integration_id) do update set settings = excluded.settings
                            where integration_settings.msp_id = excluded.msp_id""")
                    .bind("id", integration.value())
                    .bind("msp", msp.value())
                    .bindByType("settings", values.settings(), Columns.JSON_OBJECT)
                    .execute();
            if (stored == 0) {
                throw new IllegalArgumentException("integration " + integration + " is not one of MSP " + msp);
            }
            h.createUpdate("delete from integration_secrets where integration_id = :id")
                    .bind("id", integration.value()).execute();
            if (!values.secrets().isEmpty()) {
                PreparedBatch batch = h.prepareBatch("""
                        insert into integration_secrets (integration_id, name, ciphertext, key_id)
                        values (:id, :name, :ciphertext, :keyId)""");
                values.secrets().forEach((name, clear) -> batch.bind("id", integration.value())
                        .bind("name", name)
                        .bind("ciphertext", cipher.encrypt(clear, associatedData(integration, name)))
                        .bind("keyId", cipher.keyId())
                        .add());
                batch.execute();
            }
            return null;
        });
    }

    @Override
    public Optional<IntegrationSettings> reveal(MspId msp, IntegrationId integration) {
        return db.read(h -> settings(h, msp, integration).map(settings -> {
            Map<String, String> secrets = new LinkedHashMap<>();
            for (SealedSecret sealed : secrets(h, integration)) {
                if (!sealed.keyId().equals(cipher.keyId())) {
                    throw PortFailure.permanent("secret vault", "the secrets of integration " + integration
                            + " were encrypted with key " + sealed.keyId() + ", but this control plane has key "
                            + cipher.keyId() + " (set STEWARD_SECRET_KEY or STEWARD_SECRET_KEY_FILE to the key they "
                            + "were stored with)", null);
                }
                secrets.put(sealed.name(), cipher.decrypt(sealed.ciphertext(),
                        associatedData(integration, sealed.name())));
            }
            return new IntegrationSettings(settings, secrets);
        }));
    }

    @Override
    public Optional<SettingsView> describe(MspId msp, IntegrationId integration) {
        return reveal(msp, integration).map(IntegrationSettings::view);
    }

    @Override
    public void remove(MspId msp, IntegrationId integration) {
        db.withHandle(h -> h.createUpdate("delete from integration_settings where integration_id = :id and msp_id = :msp")
                .bind("id", integration.value()).bind("msp", msp.value()).execute());
    }

    private static Optional<Map<String, String>> settings(Handle h, MspId msp, IntegrationId integration) {
        return h.createQuery("select " + Columns.jsonMap("settings")
                        + " from integration_settings where integration_id = :id and msp_id = :msp")
                .bind("id", integration.value()).bind("msp", msp.value())
                .map((rs, ctx) -> Columns.map(rs, "settings"))
                .findOne();
    }

    private static List<SealedSecret> secrets(Handle h, IntegrationId integration) {
        return h.createQuery("select name, ciphertext, key_id from integration_secrets where integration_id = :id")
                .bind("id", integration.value())
                .map((rs, ctx) -> new SealedSecret(rs.getString("name"), rs.getBytes("ciphertext"),
                        rs.getString("key_id")))
                .list();
    }

    private static String associatedData(IntegrationId integration, String name) {
        return "integration-secret:" + integration + ":" + name;
    }
}
