package dev.steward.application.provisioning;

import dev.steward.domain.client.ClientId;

/**
 * Tells the provisioning loop that a client has work now (it was created, or its agent just acknowledged its
 * configuration), so that the loop handles it at once instead of at its next pass. Only a hint: the loop's regular
 * passes find every client with work anyway, so a hint that is lost (another control plane, a restart) costs at most
 * one pass interval.
 */
@FunctionalInterface
public interface ProvisioningWakeUp {

    /** For use cases run without a provisioning loop (tests, embedding without the loop). */
    ProvisioningWakeUp NONE = client -> { };

    void wakeUp(ClientId client);
}
