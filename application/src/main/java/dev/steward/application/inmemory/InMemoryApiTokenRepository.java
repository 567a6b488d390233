package dev.steward.application.inmemory;

import dev.steward.application.port.access.ApiTokenRepository;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.user.ApiToken;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** API tokens in memory, kept with the hash of their secret, for tests and embedding. */
public final class InMemoryApiTokenRepository implements ApiTokenRepository {

    private final Map<UUID, ApiToken> byId = new HashMap<>();
    private final Map<String, UUID> idByHash = new HashMap<>();

    @Inject
    public InMemoryApiTokenRepository() {
    }

    @Override
    public synchronized void add(ApiToken token, String secretHash) {
        byId.put(token.id(), token);
        idByHash.put(secretHash, token.id());
    }

    @Override
    public synchronized Optional<ApiToken> findActive(String secretHash) {
        return Optional.ofNullable(idByHash.get(secretHash)).map(byId::get).filter(ApiToken::active);
    }

    @Override
    public synchronized List<ApiToken> list(MspId msp) {
        return byId.values().stream().filter(t -> t.msp().equals(msp))
                .sorted(Comparator.comparing(ApiToken::createdAt).thenComparing(ApiToken::id).reversed()).toList();
    }

    @Override
    public synchronized Optional<ApiToken> revoke(MspId msp, UUID id, Instant at) {
        return Optional.ofNullable(byId.get(id)).filter(t -> t.msp().equals(msp)).map(t -> {
            ApiToken revoked = t.revoked(at);
            byId.put(id, revoked);
            return revoked;
        });
    }
}
