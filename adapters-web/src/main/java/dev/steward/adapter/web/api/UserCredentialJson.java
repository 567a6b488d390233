package dev.steward.adapter.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.application.user.NewCredential;
import java.time.Instant;

/**
 * A user just added or whose password was just reset, with what to hand them — shown in this answer only: the
 * generated {@code password}, or the one-time {@code setPasswordUrl} and when it expires.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserCredentialJson(UserJson user, String password, String setPasswordUrl, Instant linkExpiresAt) {

    /** @param baseUrl where this server is reached, e.g. {@code https://steward.example} */
    public static UserCredentialJson from(NewCredential credential, String baseUrl) {
        return new UserCredentialJson(UserJson.from(credential.user()), credential.password().orElse(null),
                credential.linkSecret().map(secret -> baseUrl + "/set-password/" + secret).orElse(null),
                credential.linkExpiresAt().orElse(null));
    }

    @Override
    public String toString() {
        return "UserCredentialJson[" + user + "]";
    }
}
