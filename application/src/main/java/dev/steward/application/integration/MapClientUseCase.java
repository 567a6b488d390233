package dev.steward.application.integration;

import dev.steward.domain.integration.ClientMapping;
import java.util.Optional;

/** Capability: map a client to an entry of an integration's directory, or remove that mapping. */
public interface MapClientUseCase {

    /**
     * Checks the entry against the integration's directory (it must exist there now), then keeps it with the label
     * the directory gives it.
     *
     * @return the client's mapping of that kind afterwards (empty after a removal)
     * @throws dev.steward.application.problem.InvalidCommand naming {@code kind} (no integration of that kind with a
     *     directory serves the client) or {@code externalId} (not an entry of the directory)
     * @throws dev.steward.application.problem.NotFound ({@code client}) if the MSP has no such client
     * @throws dev.steward.application.problem.Conflict ({@code mapping.taken}) if another client of the MSP is that
     *     entry; ({@code version.stale}) if the mapping is no longer the {@code expectedExternalId}
     * @throws dev.steward.application.problem.PortFailure if the directory could not be read
     */
    Optional<ClientMapping> map(MapClientCommand command);
}
