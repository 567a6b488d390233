package dev.steward.adapter.psa.connectwise;

import dev.steward.adapter.psa.common.HttpSettings;
import dev.steward.adapter.psa.common.Secret;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one MSP's ConnectWise Manage: the API base ({@code https://{host}/{codebase}/apis/3.0/}), the API
 * member's keys (basic auth {@code companyId+publicKey:privateKey}), the integration's {@code clientId} header,
 * the page size (1-1000; old servers cap it at 100) and optionally the service board to poll.
 */
public record ConnectWiseSettings(URI apiBase, String companyId, String publicKey, Secret privateKey, Secret clientId,
                                  int pageSize, Optional<Integer> boardId, HttpSettings http) {

    public ConnectWiseSettings {
        Objects.requireNonNull(apiBase, "apiBase");
        if (!apiBase.toString().endsWith("/")) {
            apiBase = URI.create(apiBase + "/");
        }
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

    public static ConnectWiseSettings of(URI apiBase, String companyId, String publicKey, Secret privateKey,
                                         Secret clientId) {
        return new ConnectWiseSettings(apiBase, companyId, publicKey, privateKey, clientId, 100, Optional.empty(),
                HttpSettings.DEFAULT);
    }
}
