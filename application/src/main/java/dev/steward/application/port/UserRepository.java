package dev.steward.application.port;

import dev.steward.domain.msp.MspId;
import dev.steward.domain.user.EmailAddress;
import dev.steward.domain.user.User;
import dev.steward.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/** Stores the MSPs' users. An email address signs in to one user only. ({@code UserRepositoryContract}.) */
public interface UserRepository {

    /** @throws dev.steward.application.problem.Conflict ({@code email.taken}) if another user has the email */
    User add(User user);

    Optional<User> find(UserId id);

    Optional<User> findByEmail(EmailAddress email);

    /** The MSP's users, by email. */
    List<User> list(MspId msp);

    /** Whether the installation has any user at all (first run has none). */
    boolean any();
}
