package dev.steward.application.inmemory;

import dev.steward.application.port.AgentCredentials;
import dev.steward.application.security.SecretTokens;
import dev.steward.domain.client.ClientId;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Agent tokens in memory, kept as SHA-256 hashes (tokens are 256 random bits, so a plain hash is enough; a slow
 * password hash would only slow every agent call).
 */
public final class InMemoryAgentCredentials implements AgentCredentials {

    private final Map<ClientId, String> hashByClient = new ConcurrentHashMap<>();
    private final Map<String, ClientId> clientByHash = new ConcurrentHashMap<>();

    @Inject
    public InMemoryAgentCredentials() {
    }

    @Override
    public synchronized String issue(ClientId client) {
        String token = SecretTokens.newToken("stw_");
        revoke(client);
        String hash = SecretTokens.hash(token);
        hashByClient.put(client, hash);
        clientByHash.put(hash, client);
        return token;
    }

    @Override
    public Optional<ClientId> verify(String token) {
        if (!SecretTokens.plausible(token)) {
            return Optional.empty();
        }
        return Optional.ofNullable(clientByHash.get(SecretTokens.hash(token)));
    }

    @Override
    public synchronized void revoke(ClientId client) {
        String old = hashByClient.remove(client);
        if (old != null) {
            clientByHash.remove(old);
        }
    }

}
