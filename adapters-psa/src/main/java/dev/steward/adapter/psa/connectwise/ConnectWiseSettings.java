package dev.steward.adapter.psa.connectwise;

import dev.steward.adapter.psa.common.HttpSettings;
import dev.steward.adapter.psa.common.Secret;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one MSP's ConnectWise Manage: the site people sign in to ({@code https://na.myconnectwise.net}), from
 * which the API host and codebase are discovered ({@code /login/companyinfo/{companyId}}), or the API base itself
 * ({@code https://{host}/{codebase}/apis/3.0/}) — at least one; the API member's keys (basic auth
 * {@code companyId+publicKey:privateKey}), the integration's {@code clientId} header, the page size (1-1000; old
 * servers cap it at 100) and optionally the service board to poll.
 */
public record ConnectWiseSettings(Optional<URI> site, Optional<URI> apiBase, String companyId, String publicKey,
                                  Secret privateKey, Secret clientId, int pageSize, Optional<Integer> boardId,
                                  HttpSettings http) {

    public ConnectWiseSettings {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(apiBase, "apiBase");
        if (site.isEmpty() && apiBase.isEmpty()) {
            throw new IllegalArgumentException("connectwise needs its site or its apiBase");
        }
        apiBase = apiBase.map(base -> base.toString().endsWith("/") ? base : URI.create(base + "/"));
        if (companyId == null || companyId.isBlank()) {
            throw new IllegalArgumentException("connectwise companyId is required");
        }
        if (publicKey == null || publicKey.isBlank()) {
            throw new IllegalArgumentException("connectwise publicKey is required");
        }
        Objects.requireNonNull(privateKey, "connectwise privateKey is required");
        Objects.requireNonNull(clientId, "connectwise clientId is required");
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("connectwise pageSize must be 1-1000");
        }
        Objects.requireNonNull(boardId, "boardId");
        Objects.requireNonNull(http, "http");
    }

    /** Reaching the API at a known base, as before sites were discovered. */
    public ConnectWiseSettings(URI apiBase, String companyId, String publicKey, Secret privateKey, Secret clientId,
                               int pageSize, Optional<Integer> boardId, HttpSettings http) {
        this(Optional.empty(), Optional.of(apiBase), companyId, publicKey, privateKey, clientId, pageSize, boardId,
                http);
    }

    public static ConnectWiseSettings of(URI apiBase, String companyId, String publicKey, Secret privateKey,
                                         Secret clientId) {
        return new ConnectWiseSettings(apiBase, companyId, publicKey, privateKey, clientId, 100, Optional.empty(),
                HttpSettings.DEFAULT);
    }

    /** Where {@code /login/companyinfo} is asked: the site, else the API host. */
    URI discoveryRoot() {
        URI from = site.orElseGet(apiBase::orElseThrow);
        return URI.create(from.getScheme() + "://" + from.getRawAuthority() + "/");
    }
}
