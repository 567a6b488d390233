package dev.steward.adapter.persistence;

import dev.steward.application.security.SecretTokens;
import dev.steward.application.port.AgentCredentials;
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
        String token = SecretTokens.newToken("stw_");
        db.withHandle(h -> h.createUpdate("""
                        insert into agent_credentials (client_id, token_hash, issued_at) values (:client, :hash, now())
                        on conflict (client_id) do update set token_hash = excluded.token_hash, issued_at = now()""")
                .bind("client", client.value())
                .bind("hash", SecretTokens.hash(token))
                .execute());
        return token;
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
