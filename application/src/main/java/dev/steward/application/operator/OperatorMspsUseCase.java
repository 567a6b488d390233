package dev.steward.application.operator;

import dev.steward.application.user.NewCredential;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspId;
import java.util.List;

/**
 * What an operator does with the installation's MSPs, and nothing more: it sees each MSP's name and whether it is
 * suspended, never anything inside one (clients, users, integrations, activity).
 */
public interface OperatorMspsUseCase {

    /** Every MSP, oldest first. */
    List<Msp> list();

    /** @throws dev.steward.application.problem.InvalidCommand ({@code name}) for a bad name */
    Msp create(String name);

    /**
     * Suspends the MSP (again: no change): its users cannot sign in and its sessions, API tokens, webhooks and
     * agents are refused at once; its PSAs are not polled.
     *
     * @throws dev.steward.application.problem.NotFound if there is no such MSP
     */
    Msp suspend(MspId msp);

    /** @throws dev.steward.application.problem.NotFound if there is no such MSP */
    Msp resume(MspId msp);

    /**
     * Creates the MSP's first admin, handing out a one-time set-password link or a generated password (in the answer
     * only). Only while the MSP has no user at all: from then on its admins manage its users.
     *
     * @throws dev.steward.application.problem.InvalidCommand naming {@code email} and {@code delivery}
     * @throws dev.steward.application.problem.Conflict ({@code msp.has-users}) if the MSP has users already, or
     *     ({@code email.taken}) if the email is another user's
     * @throws dev.steward.application.problem.NotFound if there is no such MSP
     */
    NewCredential addFirstAdmin(MspId msp, String email, String delivery);
}
