package dev.steward.application.spi;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.stability.Experimental;
import dev.steward.application.stability.Stable;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationKind;
import java.util.Optional;

/**
 * One integration kind (a PSA, Microsoft 365, Duo, a documentation platform …): what it offers to connect and how to
 * connect it. Found with {@link java.util.ServiceLoader}: a provider jar lists its class in
 * {@code META-INF/services/dev.steward.application.spi.IntegrationProvider} and needs a public no-argument
 * constructor. Steward refuses to start when two providers offer the same kind (naming both classes) or a provider
 * was built for another {@link SpiVersion#MAJOR}. Every provider passes {@code IntegrationProviderContract}.
 */
@Stable
public interface IntegrationProvider {

    /**
     * The kind: its name (lower-kebab, unique), the scopes it may be connected in, the settings and secrets it needs,
     * the tools it offers (named {@code <kind>:<tool>}, each with its input, effect and sensitivity), their
     * curated default policies and its capabilities: a PSA declares
     * {@link dev.steward.domain.integration.IntegrationCapability#PSA}, and then (only then) its connections offer a
     * {@link IntegrationConnection#ticketSystem()}. A provider that discovers its tools when it connects (an MCP
     * server) lists none here.
     */
    IntegrationKind kind();

    /** The SPI major this provider was built against. */
    default int spiMajor() {
        return SpiVersion.MAJOR;
    }

    /**
     * Checks the values against the live system and returns a connection that uses them (used when an integration is
     * connected and again whenever the control plane starts). Nothing is kept when it throws.
     *
     * @throws dev.steward.domain.problem.InvalidValue naming the field ({@code settings.<key>} or
     *     {@code secrets.<key>}) whose value the system refused or the provider cannot use
     * @throws dev.steward.application.problem.PortFailure if the system could not be reached (retryable) or failed
     */
    IntegrationConnection connect(Integration integration, IntegrationSettings values, ProviderContext context);

    /**
     * Connects an integration whose values were checked when it was connected, as the control plane does when it
     * starts. A provider whose {@link #connect} checks the values live may skip that here, so a system that is down
     * for a moment does not keep its integration from being used once it answers again; by default the same as
     * {@link #connect}.
     *
     * @throws dev.steward.domain.problem.InvalidValue naming a stored value the provider cannot use
     */
    default IntegrationConnection reconnect(Integration integration, IntegrationSettings values,
                                            ProviderContext context) {
        return connect(integration, values, context);
    }

    /**
     * How the kind's system authorizes Steward in a person's browser, when it does (an MCP server that advertises
     * OAuth); connecting then takes the values {@link AuthorizationFlow#complete} returned.
     */
    @Experimental
    default Optional<AuthorizationFlow> authorizationFlow() {
        return Optional.empty();
    }
}
