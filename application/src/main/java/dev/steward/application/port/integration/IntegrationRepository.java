package dev.steward.application.port.integration;

import dev.steward.application.stability.Stable;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.msp.MspId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores connected integrations with their tools and tool policies. One integration of a kind per scope (MSP-wide,
 * or one client). Updates are optimistic. ({@code IntegrationRepositoryContract}.)
 */
@Stable
public interface IntegrationRepository {

    /**
     * @return the integration at version 1
     * @throws dev.steward.application.problem.Conflict ({@code integration.exists}) if the scope already has this kind
     */
    Integration add(Integration integration);

    /** Only if it belongs to {@code msp}: another MSP's integration is not found. */
    Optional<Integration> find(MspId msp, IntegrationId id);

    /** The MSP-wide integrations ({@code client} empty) or those of one client, ordered by kind. */
    List<Integration> list(MspId msp, Optional<ClientId> client);

    /** @throws dev.steward.application.problem.Conflict ({@code version.stale}) if it changed since it was loaded */
    Integration update(Integration integration);

    /** Disconnects; succeeds if it is already gone. */
    void remove(MspId msp, IntegrationId id);

    /**
     * Notes that a webhook delivery for the MSP's MSP-wide integration of {@code kind} was accepted at {@code at}.
     * Only a later time replaces the one stored (deliveries checked in parallel may finish out of order); the
     * integration's version does not change. Does nothing when the MSP has no such integration.
     */
    void recordWebhookDelivery(MspId msp, String kind, Instant at);

    /** When the integration's last webhook delivery was accepted; empty if never, or if it is not {@code msp}'s. */
    Optional<Instant> lastWebhookDelivery(MspId msp, IntegrationId id);
}
