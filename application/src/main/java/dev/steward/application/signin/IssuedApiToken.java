package dev.steward.application.signin;

import dev.steward.domain.user.ApiToken;

/** A token just issued: its secret is in this answer and nowhere else, ever. */
public record IssuedApiToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "IssuedApiToken[" + token + "]";
    }
}
