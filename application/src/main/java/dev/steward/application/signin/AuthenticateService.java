package dev.steward.application.signin;

import dev.steward.application.port.ApiTokenRepository;
import dev.steward.application.port.UserRepository;
import dev.steward.application.port.WebSessionRepository;
import dev.steward.application.security.SecretTokens;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.user.User;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

public final class AuthenticateService implements AuthenticateUseCase {

    private final WebSessionRepository sessions;
    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final Clock clock;
    private final RecentCallers recent;

    @Inject
    public AuthenticateService(WebSessionRepository sessions, ApiTokenRepository tokens, UserRepository users,
                               Clock clock, RecentCallers recent) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
        this.recent = recent;
    }

    @Override
    public Optional<Caller> bySession(String sessionToken) {
        if (!SecretTokens.plausible(sessionToken)) {
            return Optional.empty();
        }
        String hash = SecretTokens.hash(sessionToken);
        return recent.get(hash, () -> sessions.find(hash, clock.instant())
                .flatMap(session -> users.find(session.user())
                        .map(user -> callerOf(user, Optional.of(session.csrfToken())))));
    }

    /** A token acts for its MSP as a technician, in the name of the token (audit lines say which token). */
    @Override
    public Optional<Caller> byApiToken(String apiToken) {
        if (!SecretTokens.plausible(apiToken)) {
            return Optional.empty();
        }
        String hash = SecretTokens.hash(apiToken);
        return recent.get(hash, () -> tokens.findActive(hash)
                .map(token -> new Caller(token.msp(), token.createdBy(), "api-token:" + token.name(),
                        UserRole.MSP_TECHNICIAN, Optional.empty())));
    }

    static Caller callerOf(User user, Optional<String> csrf) {
        return new Caller(user.msp(), user.id(), user.email().value(), user.role(), csrf);
    }
}
