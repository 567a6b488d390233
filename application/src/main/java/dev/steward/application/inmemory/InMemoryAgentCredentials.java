package dev.steward.application.inmemory;

import dev.steward.application.port.AgentCredentials;
import dev.steward.domain.client.ClientId;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Agent tokens in memory, kept as SHA-256 hashes (tokens are 256 random bits, so a plain hash is enough; a slow
 * password hash would only slow every agent call).
 */
public final class InMemoryAgentCredentials implements AgentCredentials {

    private final SecureRandom random = new SecureRandom();
    private final Map<ClientId, String> hashByClient = new ConcurrentHashMap<>();
    private final Map<String, ClientId> clientByHash = new ConcurrentHashMap<>();

    @Inject
    public InMemoryAgentCredentials() {
    }

    @Override
    public synchronized String issue(ClientId client) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = "stw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        revoke(client);
        String hash = hash(token);
        hashByClient.put(client, hash);
        clientByHash.put(hash, client);
        return token;
    }

    @Override
    public Optional<ClientId> verify(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        return Optional.ofNullable(clientByHash.get(hash(token)));
    }

    @Override
    public synchronized void revoke(ClientId client) {
        String old = hashByClient.remove(client);
        if (old != null) {
            clientByHash.remove(old);
        }
    }

    /** SHA-256, hex: the form in which stores keep agent tokens. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
