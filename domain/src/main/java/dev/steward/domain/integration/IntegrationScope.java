package dev.steward.domain.integration;

import java.util.Locale;

/** Where an integration is connected: for the whole MSP (every client's agent uses it) or for one client only. */
public enum IntegrationScope {
    MSP,
    CLIENT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
