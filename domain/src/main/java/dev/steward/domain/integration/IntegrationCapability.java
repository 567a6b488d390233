package dev.steward.domain.integration;

/**
 * What an integration kind is, beyond the tools it offers, that Steward relies on: declared in its catalog
 * ({@link IntegrationKind#capabilities()}), so the core never guesses it from tool names.
 */
public enum IntegrationCapability {
    /**
     * A PSA: a client's tickets come from the one it is mapped to, whose tools a runbook names {@code psa:<tool>}; the
     * kind's connections offer a ticket system.
     */
    PSA
}
