package dev.steward.application.port.access;

import dev.steward.application.stability.Stable;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.user.EmailAddress;
import dev.steward.domain.user.User;
import dev.steward.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores the MSPs' users and their one-time set-password links. An email address signs in to one user only.
 * ({@code UserRepositoryContract}.)
 */
@Stable
public interface UserRepository {

    /** @throws dev.steward.application.problem.Conflict ({@code email.taken}) if another user has the email */
    User add(User user);

    Optional<User> find(UserId id);

    Optional<User> findByEmail(EmailAddress email);

    /** The MSP's users, by email, disabled ones included. */
    List<User> list(MspId msp);

    /** Whether the installation has any user at all (first run has none). */
    boolean any();

    /**
     * Saves a changed user (role, password hash, disabled or not; id, MSP, email and creation time never change).
     * Checked atomically with the change: an MSP that has an active admin keeps at least one, so of two admins
     * demoting each other at the same time one fails.
     *
     * @throws dev.steward.application.problem.NotFound if the user was never added
     * @throws dev.steward.application.problem.Conflict ({@code user.last-admin}) if the change would leave the
     *     user's MSP without an active admin
     */
    User update(User user);

    /**
     * Stores a one-time set-password link for the user, kept only as the hash of its secret, live until
     * {@code expiresAt}. It replaces the user's earlier link, which stops working.
     */
    void addPasswordLink(String secretHash, UserId user, Instant expiresAt);

    /** The user a link is for, if the link is live at {@code now} (it is not used up by looking). */
    Optional<UserId> findPasswordLink(String secretHash, Instant now);

    /**
     * Uses up a live link: returns its user and deletes it, atomically, so of two concurrent uses at most one gets
     * the user. An unknown, used or expired link gives empty.
     */
    Optional<UserId> takePasswordLink(String secretHash, Instant now);
}
