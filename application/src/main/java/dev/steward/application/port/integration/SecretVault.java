package dev.steward.application.port.integration;

import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.stability.Stable;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.msp.MspId;
import java.util.Optional;

/**
 * Keeps each connected integration's settings and secrets, the secrets encrypted at rest. Clear secrets come back
 * only through {@link #reveal}, for the adapter that connects the integration; everything shown to people or agents
 * goes through {@link #describe}. Takes part in the {@link UnitOfWork}: values stored in a unit of work that fails
 * are not kept. ({@code SecretVaultContract}.)
 */
@Stable
public interface SecretVault {

    /** Stores the values of a stored integration, replacing any it had. */
    void store(MspId msp, IntegrationId integration, IntegrationSettings values);

    /** The clear values, only if the integration belongs to {@code msp}: another MSP's are not found. */
    Optional<IntegrationSettings> reveal(MspId msp, IntegrationId integration);

    /** The values as they may be shown (secrets masked), only if the integration belongs to {@code msp}. */
    Optional<SettingsView> describe(MspId msp, IntegrationId integration);

    /** Forgets the integration's values; succeeds if there are none. Another MSP's are left alone. */
    void remove(MspId msp, IntegrationId integration);
}
