package dev.steward.application.integration;

import dev.steward.domain.msp.MspId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import java.util.Optional;

/**
 * Start authorizing an integration of {@code kind} in the browser, MSP-wide or for a client (by slug), with the
 * settings and secrets it will be connected with; the authorization server sends the person back to
 * {@code redirectUri}.
 */
public record BeginAuthorizationCommand(@NotNull MspId msp, @NotNull Optional<String> client, @NotBlank String kind,
                                        @NotNull Map<String, String> settings, @NotNull Map<String, String> secrets,
                                        @NotBlank String redirectUri) {

    /** Names the secrets given, never their values. */
    @Override
    public String toString() {
        return "BeginAuthorizationCommand[msp=" + msp + ", client=" + client + ", kind=" + kind + ", settings="
                + settings + ", secrets=" + (secrets == null ? null : new java.util.TreeSet<>(secrets.keySet()))
                + ", redirectUri=" + redirectUri + "]";
    }
}
