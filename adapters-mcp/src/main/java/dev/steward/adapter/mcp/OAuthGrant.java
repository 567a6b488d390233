package dev.steward.adapter.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.domain.problem.InvalidValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What Steward keeps about an MCP server's OAuth authorization besides its tokens, in the one setting
 * {@value #SETTING}: the token endpoint the authorization server published, how Steward authenticates there
 * ({@code none}: a public client; {@code basic}: with its client secret), the scope asked for, when the access
 * token expires (absent: the server did not say), and whether Steward registered its client itself (then a new
 * authorization registers it again, for the redirect URI of that time).
 */
record OAuthGrant(String tokenEndpoint, String clientAuth, Optional<String> scope, Optional<Instant> expiresAt,
                  boolean registered) {

    static final String SETTING = "oauthGrant";
    static final String BASIC = "basic";
    static final String NONE = "none";

    private static final ObjectMapper JSON = new ObjectMapper();

    OAuthGrant withExpiry(Optional<Instant> expiry) {
        return new OAuthGrant(tokenEndpoint, clientAuth, scope, expiry, registered);
    }

    String text() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("tokenEndpoint", tokenEndpoint);
        out.put("clientAuth", clientAuth);
        scope.ifPresent(s -> out.put("scope", s));
        expiresAt.ifPresent(e -> out.put("expiresAt", e.toString()));
        out.put("registered", Boolean.toString(registered));
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is JSON", e);
        }
    }

    /** @throws InvalidValue ({@code settings.oauthGrant}) for text the authorization did not write */
    static OAuthGrant parse(String text) {
        try {
            Map<?, ?> map = JSON.readValue(text, Map.class);
            if (!(map.get("tokenEndpoint") instanceof String endpoint)
                    || !(map.get("clientAuth") instanceof String auth)
                    || !java.util.Set.of(BASIC, NONE).contains(auth)) {
                throw new IllegalArgumentException("incomplete");
            }
            return new OAuthGrant(endpoint, auth, Optional.ofNullable((String) map.get("scope")),
                    Optional.ofNullable((String) map.get("expiresAt")).map(Instant::parse),
                    "true".equals(map.get("registered")));
        } catch (JsonProcessingException | RuntimeException e) {
            throw InvalidValue.of("settings." + SETTING, "malformed", "is written by the authorization: authorize the"
                    + " server again instead of typing it");
        }
    }
}
