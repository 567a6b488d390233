package dev.steward.adapter.psa.halopsa;

import dev.steward.adapter.psa.common.HttpSettings;
import dev.steward.adapter.psa.common.Secret;
import java.net.URI;
import java.util.Objects;

/**
 * How to reach one MSP's HaloPSA: the API base ({@code https://{tenant}.halopsa.com/api/}), the token endpoint
 * ({@code {auth_url}/token?tenant={tenant}}), the OAuth client credentials and scope, the page size, and the
 * outcome ids used for an internal note (stock instances: 7, "private note") and for a reply e-mailed to the user.
 * Outcome ids differ per instance (THIRD-PARTY-APIS.md §2.3): take them from the instance's {@code /api/Outcome}.
 */
public record HaloPsaSettings(URI apiBase, URI tokenUrl, String clientId, Secret clientSecret, String scope,
                              int pageSize, int internalOutcomeId, int replyOutcomeId, HttpSettings http) {

    public HaloPsaSettings {
        Objects.requireNonNull(apiBase, "halopsa apiBase is required");
        if (!apiBase.toString().endsWith("/")) {
            apiBase = URI.create(apiBase + "/");
        }
        Objects.requireNonNull(tokenUrl, "halopsa tokenUrl is required");
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("halopsa clientId is required");
        }
        Objects.requireNonNull(clientSecret, "halopsa clientSecret is required");
        if (scope == null || scope.isBlank()) {
            throw new IllegalArgumentException("halopsa scope is required (e.g. all)");
        }
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("halopsa pageSize must be 1-1000");
        }
        if (internalOutcomeId < 1 || replyOutcomeId < 1) {
            throw new IllegalArgumentException("halopsa outcome ids must be positive");
        }
        Objects.requireNonNull(http, "http");
    }

    /** A hosted tenant: {@code https://{tenant}.halopsa.com} with the fallback token URL, stock outcome ids. */
    public static HaloPsaSettings hosted(String tenant, String clientId, Secret clientSecret, int replyOutcomeId) {
        URI root = URI.create("https://" + tenant + ".halopsa.com/");
        return new HaloPsaSettings(root.resolve("api/"), root.resolve("auth/token?tenant=" + tenant), clientId,
                clientSecret, "all", 100, 7, replyOutcomeId, HttpSettings.DEFAULT);
    }
}
