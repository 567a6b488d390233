package dev.steward.adapter.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.domain.user.ApiToken;
import java.time.Instant;

/**
 * An API token as listed: never its secret, only the last four characters to tell tokens apart. {@code token} (the
 * secret) is present only in the answer to the POST that issued it.
 */
public record ApiTokenJson(String id, String name, String role, String lastFour, Instant createdAt,
                           Instant revokedAt, boolean active,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String token) {

    public static ApiTokenJson from(ApiToken token) {
        return new ApiTokenJson(token.id().toString(), token.name(), token.role().label(), token.lastFour(),
                token.createdAt(), token.revokedAt().orElse(null), token.active(), null);
    }

    public ApiTokenJson withSecret(String secret) {
        return new ApiTokenJson(id, name, role, lastFour, createdAt, revokedAt, active, secret);
    }
}
