package dev.steward.application.port;

import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationKind;
import java.util.List;

/**
 * Integration kinds an adapter offers (their settings, tools and curated policies), and the link between a connected
 * integration and that adapter: a PSA, once activated, takes tickets in (webhooks, polling) and takes notes.
 * Several catalogs may be installed; each kind belongs to one. ({@code IntegrationCatalogContract}.)
 */
public interface IntegrationCatalog {

    /** The kinds this catalog offers, each name unique. */
    List<IntegrationKind> kinds();

    /**
     * Makes a connected integration of one of {@link #kinds()} live with its values, replacing a live one of the same
     * MSP, scope and kind (used on connect and again when the server starts).
     *
     * @throws dev.steward.domain.problem.InvalidValue naming the field ({@code settings.<key>} or
     *     {@code secrets.<key>}) whose value the adapter cannot use
     */
    void activate(Integration integration, IntegrationSettings values);

    /** Stops using the integration; succeeds if it is not live. */
    void deactivate(Integration integration);
}
