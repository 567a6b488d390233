package dev.steward.domain.client;

import dev.steward.domain.problem.DeletionNotConfirmed;

/**
 * The delete rule: the technician must type the client's name exactly. No trimming, no case folding;
 * a near miss is a refusal, because deleting cannot be undone.
 */
public record DeletionConfirmation(String typedName) {

    public void check(ClientName name) {
        if (typedName == null || !typedName.equals(name.value())) {
            throw new DeletionNotConfirmed();
        }
    }
}
