package dev.steward.application.integration;

import dev.steward.domain.msp.MspId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import java.util.Optional;

/**
 * Connect an integration of {@code kind}: MSP-wide when {@code client} is empty, else for that client (by slug).
 * {@code settings} are shown back as given; {@code secrets} are stored encrypted and shown only masked.
 */
public record ConnectIntegrationCommand(@NotNull MspId msp, @NotNull Optional<String> client, @NotBlank String kind,
                                        @NotNull Map<String, String> settings, @NotNull Map<String, String> secrets) {

    /** Names the secrets given, never their values, so that a command in a log line or a message gives nothing away. */
    @Override
    public String toString() {
        return "ConnectIntegrationCommand[msp=" + msp + ", client=" + client + ", kind=" + kind + ", settings="
                + settings + ", secrets=" + (secrets == null ? null : new java.util.TreeSet<>(secrets.keySet())) + "]";
    }
}
