package dev.steward.adapter.psa.halopsa;

import dev.steward.adapter.psa.common.HttpSettings;
import dev.steward.adapter.psa.common.Secret;
import java.net.URI;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one MSP's HaloPSA: the API base ({@code https://{tenant}.halopsa.com/api/}), the token endpoint
 * ({@code {auth_url}/token?tenant={tenant}}, discovered from {@code /api/authinfo} when not given), the hosted tenant
 * name (by default the first label of a {@code *.halopsa.com} host), the OAuth client credentials and scope, the page
 * size, the outcomes used for an internal note and for a reply e-mailed to the user — each by name as Halo shows it
 * (ids differ per instance, THIRD-PARTY-APIS.md §2.3) or by id — and the instance's time zone, in which Halo writes
 * times without an offset.
 */
public record HaloPsaSettings(URI apiBase, Optional<URI> tokenUrl, Optional<String> tenant, String clientId,
                              Secret clientSecret, String scope, int pageSize, String internalOutcome,
                              String replyOutcome, ZoneId timeZone, HttpSettings http) {

    public static final String PRIVATE_NOTE = "Private Note";
    public static final String EMAIL_USER = "Email User";

    public HaloPsaSettings {
        Objects.requireNonNull(apiBase, "halopsa apiBase is required");
        if (!apiBase.toString().endsWith("/")) {
            apiBase = URI.create(apiBase + "/");
        }
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        Objects.requireNonNull(tenant, "tenant");
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
        if (internalOutcome == null || internalOutcome.isBlank() || replyOutcome == null || replyOutcome.isBlank()) {
            throw new IllegalArgumentException("halopsa outcomes must be named");
        }
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(http, "http");
    }

    /** A known token URL, outcomes by id, times in UTC: how the adapter was configured before discovery. */
    public HaloPsaSettings(URI apiBase, URI tokenUrl, String clientId, Secret clientSecret, String scope, int pageSize,
                           int internalOutcomeId, int replyOutcomeId, HttpSettings http) {
        this(apiBase, Optional.of(tokenUrl), Optional.empty(), clientId, clientSecret, scope, pageSize,
                positive(internalOutcomeId), positive(replyOutcomeId), ZoneOffset.UTC, http);
    }

    private static String positive(int outcomeId) {
        if (outcomeId < 1) {
            throw new IllegalArgumentException("halopsa outcome ids must be positive");
        }
        return Integer.toString(outcomeId);
    }

    /** A hosted tenant: {@code https://{tenant}.halopsa.com}, the token URL discovered, the stock outcome names. */
    public static HaloPsaSettings hosted(String tenant, String clientId, Secret clientSecret) {
        URI root = URI.create("https://" + tenant + ".halopsa.com/");
        return new HaloPsaSettings(root.resolve("api/"), Optional.empty(), Optional.of(tenant), clientId, clientSecret,
                "all", 100, PRIVATE_NOTE, EMAIL_USER, ZoneOffset.UTC, HttpSettings.DEFAULT);
    }

    /** The tenant named on the token request: the configured one, else {@code x} of {@code x.halopsa.com}. */
    Optional<String> tenantName() {
        String host = apiBase.getHost() == null ? "" : apiBase.getHost().toLowerCase(java.util.Locale.ROOT);
        return tenant.or(() -> host.endsWith(".halopsa.com") ? Optional.of(host.substring(0, host.indexOf('.')))
                : Optional.empty());
    }

    /** The instance's root ({@code https://{tenant}.halopsa.com/}). */
    URI root() {
        return URI.create(apiBase.getScheme() + "://" + apiBase.getRawAuthority() + "/");
    }
}
