package dev.steward.application.user;

import dev.steward.application.port.access.PasswordHasher;
import dev.steward.application.port.access.UserRepository;
import dev.steward.application.port.access.WebSessionRepository;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.Violations;
import dev.steward.application.security.SecretTokens;
import dev.steward.application.signin.RecentCallers;
import dev.steward.domain.user.Password;
import dev.steward.domain.user.User;
import dev.steward.domain.user.UserId;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

public final class PasswordsService implements PasswordsUseCase {

    private final UserRepository users;
    private final WebSessionRepository sessions;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final UnitOfWork unitOfWork;
    private final RecentCallers recent;

    @Inject
    public PasswordsService(UserRepository users, WebSessionRepository sessions, PasswordHasher hasher, Clock clock,
                            UnitOfWork unitOfWork, RecentCallers recent) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
        this.recent = recent;
    }

    @Override
    public User change(UserId id, String currentPassword, String newPassword) {
        User user = users.find(id).orElseThrow(() -> new NotFound("user", id.toString()));
        Violations violations = new Violations();
        Password next = violations.attempt("newPassword", () -> new Password(newPassword));
        if (!hasher.matches(currentPassword == null ? "" : currentPassword, user.passwordHash())) {
            violations.add(new FieldViolation("currentPassword", "currentPassword.wrong", "is not your current "
                    + "password"));
        }
        violations.throwIfAny();
        return saved(user, next);
    }

    @Override
    public Optional<User> linkHolder(String linkSecret) {
        if (!SecretTokens.plausible(linkSecret)) {
            return Optional.empty();
        }
        return users.findPasswordLink(SecretTokens.hash(linkSecret), clock.instant()).flatMap(users::find)
                .filter(User::active);
    }

    @Override
    public User setWithLink(String linkSecret, String newPassword) {
        Violations violations = new Violations();
        Password next = violations.attempt("newPassword", () -> new Password(newPassword));
        violations.throwIfAny();
        String hash = hasher.hash(next);
        NotFound unusable = new NotFound("password link", "(used, expired or unknown: ask an admin for a new one)");
        if (!SecretTokens.plausible(linkSecret)) {
            throw unusable;
        }
        User user = unitOfWork.inTransaction(() -> {
            User holder = users.takePasswordLink(SecretTokens.hash(linkSecret), clock.instant()).flatMap(users::find)
                    .filter(User::active).orElseThrow(() -> unusable);
            User saved = users.update(holder.withPasswordHash(hash));
            sessions.removeAllOf(saved.id());
            return saved;
        });
        recent.forgetAll(user.msp());
        return user;
    }

    private User saved(User user, Password next) {
        String hash = hasher.hash(next);
        User saved = unitOfWork.inTransaction(() -> {
            User updated = users.update(user.withPasswordHash(hash));
            sessions.removeAllOf(updated.id());
            return updated;
        });
        recent.forgetAll(user.msp());
        return saved;
    }
}
