package dev.steward.application.signin;

import dev.steward.domain.user.User;

/** Adds a user who can sign in to one MSP. */
public interface CreateUserUseCase {

    /**
     * @throws dev.steward.application.problem.InvalidCommand naming every bad field (email, password, role)
     * @throws dev.steward.application.problem.Conflict ({@code email.taken}) if the email already has a user
     * @throws dev.steward.application.problem.NotFound if the MSP does not exist
     */
    User create(CreateUserCommand command);
}
