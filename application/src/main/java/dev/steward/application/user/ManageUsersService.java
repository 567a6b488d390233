package dev.steward.application.user;

import dev.steward.application.port.access.PasswordHasher;
import dev.steward.application.port.access.UserRepository;
import dev.steward.application.port.access.WebSessionRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.IdGenerator;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.Violations;
import dev.steward.application.security.SecretTokens;
import dev.steward.application.signin.RecentCallers;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.user.EmailAddress;
import dev.steward.domain.user.Password;
import dev.steward.domain.user.User;
import dev.steward.domain.user.UserId;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public final class ManageUsersService implements ManageUsersUseCase {

    /** How long a set-password link works: long enough to reach someone over a weekend, short enough to go stale. */
    public static final Duration LINK_LIFETIME = Duration.ofHours(72);
    static final String LINK_PREFIX = "spl_";

    private final CommandValidator validator;
    private final UserRepository users;
    private final MspRepository msps;
    private final WebSessionRepository sessions;
    private final PasswordHasher hasher;
    private final IdGenerator ids;
    private final Clock clock;
    private final UnitOfWork unitOfWork;
    private final RecentCallers recent;

    @Inject
    public ManageUsersService(CommandValidator validator, UserRepository users, MspRepository msps,
                              WebSessionRepository sessions, PasswordHasher hasher, IdGenerator ids, Clock clock,
                              UnitOfWork unitOfWork, RecentCallers recent) {
        this.validator = validator;
        this.users = users;
        this.msps = msps;
        this.sessions = sessions;
        this.hasher = hasher;
        this.ids = ids;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
        this.recent = recent;
    }

    @Override
    public List<User> list(MspId msp) {
        return users.list(msp);
    }

    @Override
    public NewCredential add(AddUserCommand command) {
        Violations violations = validator.check(command);
        EmailAddress email = violations.attempt("email", () -> new EmailAddress(command.email()));
        UserRole role = violations.attempt("role", () -> UserRole.parse(command.role()));
        CredentialDelivery delivery = violations.attempt("delivery", () -> CredentialDelivery.parse(command.delivery()));
        violations.throwIfAny();
        Secret secret = Secret.of(delivery);
        String hash = hasher.hash(secret.password());
        return unitOfWork.inTransaction(() -> {
            msps.find(command.msp()).orElseThrow(() -> new NotFound("msp", command.msp().toString()));
            User user = users.add(User.register(new UserId(ids.next()), command.msp(), email, role, hash,
                    clock.instant()));
            return handOut(user, secret);
        });
    }

    @Override
    public User changeRole(MspId msp, UserId user, String role) {
        Violations violations = new Violations();
        UserRole wanted = violations.attempt("role", () -> UserRole.parse(role));
        violations.throwIfAny();
        return changed(msp, user, u -> u.withRole(wanted));
    }

    @Override
    public User disable(MspId msp, UserId user) {
        Instant now = clock.instant();
        User disabled = unitOfWork.inTransaction(() -> {
            User saved = users.update(owned(msp, user).disabled(now));
            sessions.removeAllOf(saved.id());
            return saved;
        });
        recent.forgetAll(msp);
        return disabled;
    }

    @Override
    public User enable(MspId msp, UserId user) {
        return changed(msp, user, User::enabled);
    }

    @Override
    public NewCredential resetPassword(MspId msp, UserId user, String delivery) {
        Violations violations = new Violations();
        CredentialDelivery how = violations.attempt("delivery", () -> CredentialDelivery.parse(delivery));
        violations.throwIfAny();
        Secret secret = Secret.of(how);
        String hash = hasher.hash(secret.password());
        NewCredential credential = unitOfWork.inTransaction(() -> {
            User saved = users.update(owned(msp, user).withPasswordHash(hash));
            sessions.removeAllOf(saved.id());
            return handOut(saved, secret);
        });
        recent.forgetAll(msp);
        return credential;
    }

    private User changed(MspId msp, UserId user, java.util.function.UnaryOperator<User> change) {
        User saved = unitOfWork.inTransaction(() -> users.update(change.apply(owned(msp, user))));
        recent.forgetAll(msp);
        return saved;
    }

    private User owned(MspId msp, UserId id) {
        return users.find(id).filter(u -> u.msp().equals(msp))
                .orElseThrow(() -> new NotFound("user", id.toString()));
    }

    /** Stores the link, if that is the delivery, and builds the answer. Runs inside the caller's unit of work. */
    private NewCredential handOut(User user, Secret secret) {
        if (secret.delivery() == CredentialDelivery.GENERATED_PASSWORD) {
            return new NewCredential(user, Optional.of(secret.password().value()), Optional.empty(), Optional.empty());
        }
        Instant expires = clock.instant().plus(LINK_LIFETIME);
        String link = SecretTokens.newToken(LINK_PREFIX);
        users.addPasswordLink(SecretTokens.hash(link), user.id(), expires);
        return new NewCredential(user, Optional.empty(), Optional.of(link), Optional.of(expires));
    }

    /**
     * The password a new or reset account gets: shown to the admin when generated; otherwise random and never shown
     * (the user chooses theirs through the link).
     */
    private record Secret(CredentialDelivery delivery, Password password) {
        static Secret of(CredentialDelivery delivery) {
            return new Secret(delivery, new Password(SecretTokens.newToken("")));
        }
    }
}
