package dev.steward.application.user;

import dev.steward.domain.msp.MspId;
import dev.steward.domain.user.User;
import dev.steward.domain.user.UserId;
import java.util.List;

/**
 * An admin's work on the MSP's users (the route table lets only admins call it): list, add, change a role, disable
 * and enable, reset a password. A disabled user's sessions end and their API tokens stop at once; a changed role
 * applies to their sessions and tokens at once. The MSP's last active admin can be neither demoted nor disabled.
 * Another MSP's user is not found.
 */
public interface ManageUsersUseCase {

    /** The MSP's users by email, disabled ones included. */
    List<User> list(MspId msp);

    /**
     * @throws dev.steward.application.problem.InvalidCommand naming every bad field ({@code email}, {@code role},
     *     {@code delivery})
     * @throws dev.steward.application.problem.Conflict ({@code email.taken}) if the email already has a user
     * @throws dev.steward.application.problem.NotFound if the MSP does not exist
     */
    NewCredential add(AddUserCommand command);

    /**
     * @throws dev.steward.application.problem.InvalidCommand ({@code role}) for an unknown role
     * @throws dev.steward.application.problem.Conflict ({@code user.last-admin}) for the last active admin
     * @throws dev.steward.application.problem.NotFound if the MSP has no such user
     */
    User changeRole(MspId msp, UserId user, String role);

    /**
     * Disables the user (again: no change) and ends every session of theirs.
     *
     * @throws dev.steward.application.problem.Conflict ({@code user.last-admin}) for the last active admin
     * @throws dev.steward.application.problem.NotFound if the MSP has no such user
     */
    User disable(MspId msp, UserId user);

    /** @throws dev.steward.application.problem.NotFound if the MSP has no such user */
    User enable(MspId msp, UserId user);

    /**
     * Replaces the user's password by one nobody knows, ends their sessions and returns the new credential (a link
     * or a generated password).
     *
     * @throws dev.steward.application.problem.InvalidCommand ({@code delivery}) for an unknown delivery
     * @throws dev.steward.application.problem.NotFound if the MSP has no such user
     */
    NewCredential resetPassword(MspId msp, UserId user, String delivery);
}
