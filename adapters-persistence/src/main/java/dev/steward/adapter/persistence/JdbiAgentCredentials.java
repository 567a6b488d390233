package dev.steward.adapter.persistence;

import dev.steward.application.port.runtime.AgentCredentials;
import dev.steward.application.security.SecretTokens;
import dev.steward.domain.client.ClientId;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/** Agent tokens in PostgreSQL, stored as SHA-256 hashes (the same form as the in-memory store). */
public final class JdbiAgentCredentials implements AgentCredentials {

    private final JdbiUnitOfWork db;

    @Inject
    public JdbiAgentCredentials(JdbiUnitOfWork db) {
        this.db = db;
    }

    @Override
    public String issue(ClientId client) {
        String token = SecretTokens.newToken(BOOTSTRAP_PREFIX);
        db.withHandle(h -> h.createUpdate("""
                        insert into agent_credentials (client_id, bootstrap_hash, token_hash, issued_at)
                        values (:client, :hash, null, now())
                        on conflict (client_id) do update
                        set bootstrap_hash = excluded.bootstrap_hash, token_hash = null, issued_at = now()""")
                .bind("client", client.value())
                .bind("hash", SecretTokens.hash(token))
                .execute());
        return token;
    }

    @Override
    public Optional<String> exchange(String bootstrapToken) {
        if (!SecretTokens.plausible(bootstrapToken)) {
            return Optional.empty();
        }
        String session = SecretTokens.newToken("stw_");
        // one statement: two agents racing with the same bootstrap token cannot both win
        boolean exchanged = db.withHandle(h -> h.createUpdate("""
                        update agent_credentials set token_hash = :session, bootstrap_hash = null, issued_at = now()
                        where bootstrap_hash = :bootstrap""")
                .bind("bootstrap", SecretTokens.hash(bootstrapToken))
                .bind("session", SecretTokens.hash(session))
                .execute()) == 1;
        return exchanged ? Optional.of(session) : Optional.empty();
    }

    @Override
    public Optional<ClientId> verify(String token) {
        if (!SecretTokens.plausible(token)) {
            return Optional.empty();
        }
        return db.withHandle(h -> h.createQuery("select client_id from agent_credentials where token_hash = :hash")
                .bind("hash", SecretTokens.hash(token))
                .mapTo(UUID.class)
                .findOne()
                .map(ClientId::new));
    }

    @Override
    public void revoke(ClientId client) {
        db.withHandle(h -> h.createUpdate("delete from agent_credentials where client_id = :client")
                .bind("client", client.value())
                .execute());
    }
}
