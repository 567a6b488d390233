package dev.steward.adapter.persistence;

import static dev.steward.adapter.persistence.Columns.ts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.port.integration.PendingAuthorization;
import dev.steward.application.port.integration.PendingAuthorizations;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.security.SecretTokens;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.jackson2.Jackson2Config;

/**
 * Pending authorizations in PostgreSQL ({@code V38__pending_authorizations.sql}): found by the SHA-256 of their
 * state, taken with one {@code delete … returning} so that of two control planes only one gets it, their secrets one
 * JSON object sealed by {@link SecretCipher}.
 */
public final class JdbiPendingAuthorizations implements PendingAuthorizations {

    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() { };

    private final JdbiUnitOfWork db;
    private final SecretCipher cipher;

    @Inject
    JdbiPendingAuthorizations(JdbiUnitOfWork db, SecretCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    @Override
    public void save(PendingAuthorization pending) {
        String hash = SecretTokens.hash(pending.state());
        db.withHandle(h -> h.createUpdate("""
                        insert into pending_authorizations (state_hash, msp_id, client_slug, kind, settings, secrets,
                                                            key_id, redirect_uri, expires_at, integration_id)
                        values (:hash, :msp, :client, :kind, :settings::jsonb, :secrets, :keyId, :redirectUri,
                                :expiresAt, :integration)""")
                .bind("hash", hash)
                .bind("msp", pending.msp().value())
                .bind("client", pending.client().orElse(null))
                .bind("kind", pending.kind())
                .bindByType("settings", pending.values().settings(), Columns.JSON_OBJECT)
                .bind("secrets", cipher.encrypt(Columns.jsonText(h, pending.values().secrets()), associatedData(hash)))
                .bind("keyId", cipher.keyId())
                .bind("redirectUri", pending.redirectUri())
                .bind("expiresAt", ts(pending.expiresAt()))
                .bind("integration", pending.integration().map(IntegrationId::value).orElse(null))
                .execute());
    }

    @Override
    public Optional<PendingAuthorization> take(String state, Instant now) {
        String hash = SecretTokens.hash(state);
        return db.withHandle(h -> {
            h.createUpdate("delete from pending_authorizations where expires_at < :now").bind("now", ts(now))
                    .execute();
            return h.createQuery("delete from pending_authorizations where state_hash = :hash returning msp_id,"
                            + " client_slug, kind, " + Columns.jsonMap("settings") + ", secrets, key_id, redirect_uri,"
                            + " expires_at, integration_id")
                    .bind("hash", hash)
                    .map((rs, ctx) -> {
                        if (!rs.getString("key_id").equals(cipher.keyId())) {
                            throw PortFailure.permanent("pending authorizations", "this authorization was kept with"
                                    + " key " + rs.getString("key_id") + ", but this control plane has key "
                                    + cipher.keyId(), null);
                        }
                        Map<String, String> secrets = secrets(h, cipher.decrypt(rs.getBytes("secrets"),
                                associatedData(hash)));
                        return new PendingAuthorization(state, new MspId(Columns.uuid(rs, "msp_id")),
                                Columns.optionalText(rs, "client_slug"), rs.getString("kind"),
                                new IntegrationSettings(Columns.map(rs, "settings"), secrets),
                                rs.getString("redirect_uri"), Columns.instant(rs, "expires_at"),
                                Optional.ofNullable(Columns.uuid(rs, "integration_id")).map(IntegrationId::new));
                    })
                    .findOne()
                    .filter(p -> !p.expiresAt().isBefore(now));
        });
    }

    private static Map<String, String> secrets(Handle h, String json) {
        try {
            return h.getConfig(Jackson2Config.class).getMapper().readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw PortFailure.permanent("pending authorizations", "a kept authorization's secrets are not JSON", e);
        }
    }

    private static String associatedData(String stateHash) {
        return "pending-authorization:" + stateHash;
    }
}
