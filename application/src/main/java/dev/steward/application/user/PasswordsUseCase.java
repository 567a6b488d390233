package dev.steward.application.user;

import dev.steward.domain.user.User;
import dev.steward.domain.user.UserId;
import java.util.Optional;

/**
 * Everyone's own password: change it (knowing the current one), or set it with a one-time link an admin handed out.
 * Either way every session of the user ends (the web signs the user in again with the new password).
 */
public interface PasswordsUseCase {

    /**
     * @throws dev.steward.application.problem.InvalidCommand ({@code currentPassword}) if the current password is
     *     wrong, ({@code newPassword}) if the new one breaks the password rules
     * @throws dev.steward.application.problem.NotFound if the user does not exist
     */
    User change(UserId user, String currentPassword, String newPassword);

    /** The active user a live link is for (to show the set-password form); empty for a used, expired or bad link. */
    Optional<User> linkHolder(String linkSecret);

    /**
     * Uses up the link and sets the password.
     *
     * @throws dev.steward.application.problem.InvalidCommand ({@code newPassword}) if it breaks the password rules
     *     (the link stays usable)
     * @throws dev.steward.application.problem.NotFound ({@code password link}) if the link is used, expired or
     *     unknown, or its user is disabled
     */
    User setWithLink(String linkSecret, String newPassword);
}
