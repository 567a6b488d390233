package dev.steward.application.inmemory;

import dev.steward.application.port.runtime.AgentCredentials;
import dev.steward.application.security.SecretTokens;
import dev.steward.domain.client.ClientId;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Agent tokens in memory, kept as SHA-256 hashes (tokens are 256 random bits, so a plain hash is enough; a slow
 * password hash would only slow every agent call).
 */
public final class InMemoryAgentCredentials implements AgentCredentials {

    private record Hashes(Optional<String> bootstrap, Optional<String> session) {}

    private final Map<ClientId, Hashes> byClient = new HashMap<>();
    private final Map<String, ClientId> clientByBootstrap = new HashMap<>();
    private final Map<String, ClientId> clientBySession = new HashMap<>();

    @Inject
    public InMemoryAgentCredentials() {
    }

    @Override
    public synchronized String issue(ClientId client) {
        String token = SecretTokens.newToken(BOOTSTRAP_PREFIX);
        revoke(client);
        String hash = SecretTokens.hash(token);
        byClient.put(client, new Hashes(Optional.of(hash), Optional.empty()));
        clientByBootstrap.put(hash, client);
        return token;
    }

    @Override
    public synchronized Optional<String> exchange(String bootstrapToken) {
        if (!SecretTokens.plausible(bootstrapToken)) {
            return Optional.empty();
        }
        ClientId client = clientByBootstrap.remove(SecretTokens.hash(bootstrapToken));
        if (client == null) {
            return Optional.empty();
        }
        String session = SecretTokens.newToken("stw_");
        String hash = SecretTokens.hash(session);
        byClient.put(client, new Hashes(Optional.empty(), Optional.of(hash)));
        clientBySession.put(hash, client);
        return Optional.of(session);
    }

    @Override
    public synchronized Optional<ClientId> verify(String token) {
        if (!SecretTokens.plausible(token)) {
            return Optional.empty();
        }
        return Optional.ofNullable(clientBySession.get(SecretTokens.hash(token)));
    }

    @Override
    public synchronized void revoke(ClientId client) {
        Hashes old = byClient.remove(client);
        if (old != null) {
            old.bootstrap().ifPresent(clientByBootstrap::remove);
            old.session().ifPresent(clientBySession::remove);
        }
    }
}
