package dev.steward.application.port.client;

import dev.steward.application.stability.Stable;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ClientMapping;
import dev.steward.domain.msp.MspId;
import java.util.List;
import java.util.Optional;

/**
 * Which directory entry of an integration kind each client is (a Microsoft 365 tenant, a Hudu company …). Rules
 * ({@code ClientMappingsContract}): a client has at most one mapping per kind, and saving another replaces it; an
 * external id of a kind belongs to at most one client of an MSP; nothing of another MSP is ever found or changed.
 */
@Stable
public interface ClientMappings {

    /**
     * Maps the client, replacing its mapping of that kind if it has one.
     *
     * @throws dev.steward.application.problem.Conflict ({@code mapping.taken}) if another client of the MSP is
     *     mapped to that external id of that kind; nothing changes then
     */
    ClientMapping save(ClientMapping mapping);

    /** The client's mapping of {@code kind}, if it belongs to {@code msp}. */
    Optional<ClientMapping> find(MspId msp, ClientId client, String kind);

    /** The client of the MSP mapped to that external id of that kind. */
    Optional<ClientMapping> findByExternalId(MspId msp, String kind, String externalId);

    /** Every mapping of the client, ordered by kind. */
    List<ClientMapping> ofClient(MspId msp, ClientId client);

    /** Removes the client's mapping of {@code kind}; succeeds if there is none. */
    void remove(MspId msp, ClientId client, String kind);
}
