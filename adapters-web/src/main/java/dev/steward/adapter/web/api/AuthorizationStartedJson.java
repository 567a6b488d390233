package dev.steward.adapter.web.api;

import dev.steward.application.integration.AuthorizationStarted;

/** Where to send the person who authorizes the integration, and until when Steward takes the code. */
public record AuthorizationStartedJson(String authorizationUrl, String expiresAt) {

    public static AuthorizationStartedJson from(AuthorizationStarted started) {
        return new AuthorizationStartedJson(started.authorizationUrl(), started.expiresAt().toString());
    }
}
