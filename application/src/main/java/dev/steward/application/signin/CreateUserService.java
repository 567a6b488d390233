package dev.steward.application.signin;

import dev.steward.application.port.access.PasswordHasher;
import dev.steward.application.port.access.UserRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.IdGenerator;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.Violations;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.user.EmailAddress;
import dev.steward.domain.user.Password;
import dev.steward.domain.user.User;
import dev.steward.domain.user.UserId;
import jakarta.inject.Inject;
import java.time.Clock;

public final class CreateUserService implements CreateUserUseCase {

    private final CommandValidator validator;
    private final UserRepository users;
    private final MspRepository msps;
    private final PasswordHasher hasher;
    private final IdGenerator ids;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    @Inject
    public CreateUserService(CommandValidator validator, UserRepository users, MspRepository msps,
                             PasswordHasher hasher, IdGenerator ids, Clock clock, UnitOfWork unitOfWork) {
        this.validator = validator;
        this.users = users;
        this.msps = msps;
        this.hasher = hasher;
        this.ids = ids;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public User create(CreateUserCommand command) {
        Violations violations = validator.check(command);
        EmailAddress email = violations.attempt("email", () -> new EmailAddress(command.email()));
        Password password = violations.attempt("password", () -> new Password(command.password()));
        UserRole role = violations.attempt("role", () -> UserRole.parse(command.role()));
        violations.throwIfAny();
        // Hashing is slow on purpose; it happens before the transaction so that no connection waits for it.
        String hash = hasher.hash(password);
        return unitOfWork.inTransaction(() -> {
            msps.find(command.msp()).orElseThrow(() -> new NotFound("msp", command.msp().toString()));
            return users.add(User.register(new UserId(ids.next()), command.msp(), email, role, hash,
                    clock.instant()));
        });
    }
}
