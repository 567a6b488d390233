package dev.steward.application.signin;

import dev.steward.application.port.access.PasswordHasher;
import dev.steward.application.port.access.UserRepository;
import dev.steward.application.port.access.WebSession;
import dev.steward.application.port.access.WebSessionRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.NotSignedIn;
import dev.steward.application.security.SecretTokens;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.user.EmailAddress;
import dev.steward.domain.user.Password;
import dev.steward.domain.user.User;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

public final class SignInService implements SignInUseCase {

    /** How long a sign-in lasts; a working day plus margin, after which the technician signs in again. */
    public static final Duration SESSION_LENGTH = Duration.ofHours(12);
    static final String REFUSED = "the email or password is wrong";
    static final String SUSPENDED = "your MSP is suspended; ask whoever runs this Steward installation";

    private final UserRepository users;
    private final MspRepository msps;
    private final WebSessionRepository sessions;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final UnitOfWork unitOfWork;
    private final RecentCallers recent;
    /** Checked when the email is unknown, so that an unknown email takes as long as a wrong password. */
    private final String decoyHash;

    @Inject
    public SignInService(UserRepository users, MspRepository msps, WebSessionRepository sessions,
                         PasswordHasher hasher, Clock clock, UnitOfWork unitOfWork, RecentCallers recent) {
        this.msps = msps;
        this.recent = recent;
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.throttle = new LoginThrottle(clock);
        this.clock = clock;
        this.unitOfWork = unitOfWork;
        this.decoyHash = hasher.hash(new Password(SecretTokens.newToken("decoy-")));
    }

    @Override
    public SignedIn signIn(SignInCommand command) {
        EmailAddress email = new EmailAddress(command.email());
        String address = command.remoteAddress() == null ? "unknown" : command.remoteAddress();
        throttle.check(email.value(), address);
        String attempt = command.password() == null ? "" : command.password();
        // a disabled user is refused exactly like an unknown one (same message, same hashing time)
        Optional<User> user = users.findByEmail(email).filter(User::active);
        boolean matches = hasher.matches(attempt, user.map(User::passwordHash).orElse(decoyHash));
        if (user.isEmpty() || !matches) {
            throttle.failed(email.value(), address);
            throw new NotSignedIn(REFUSED);
        }
        if (!msps.find(user.get().msp()).map(Msp::active).orElse(false)) {
            throw new NotSignedIn(SUSPENDED);
        }
        throttle.succeeded(email.value(), address);
        Instant now = clock.instant();
        String token = SecretTokens.newToken("sts_");
        String csrf = SecretTokens.newToken("");
        unitOfWork.run(() -> {
            sessions.removeExpired(now);
            sessions.add(new WebSession(SecretTokens.hash(token), user.get().id(), csrf, now, now.plus(SESSION_LENGTH)));
        });
        return new SignedIn(token, AuthenticateService.callerOf(user.get(), Optional.of(csrf)));
    }

    @Override
    public void signOut(String sessionToken) {
        if (SecretTokens.plausible(sessionToken)) {
            String hash = SecretTokens.hash(sessionToken);
            unitOfWork.run(() -> sessions.remove(hash));
            recent.forget(hash);
        }
    }
}
