package dev.steward.application.signin;

import dev.steward.application.port.access.ApiTokenRepository;
import dev.steward.application.port.access.UserRepository;
import dev.steward.application.port.access.WebSession;
import dev.steward.application.port.access.WebSessionRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.security.SecretTokens;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.user.User;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

public final class AuthenticateService implements AuthenticateUseCase {

    static final Duration RECORD_USE_EVERY = Duration.ofMinutes(1);

    private final WebSessionRepository sessions;
    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final MspRepository msps;
    private final Clock clock;
    private final RecentCallers recent;
    private final IdleTimeout idle;
    private final ChangingCaller changing;

    @Inject
    public AuthenticateService(WebSessionRepository sessions, ApiTokenRepository tokens, UserRepository users,
                               MspRepository msps, Clock clock, RecentCallers recent, IdleTimeout idle,
                               ChangingCaller changing) {
        this.idle = idle;
        this.msps = msps;
        this.changing = changing;
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
        return recent.get(hash, () -> sessionCaller(hash));
    }

    @Override
    public Optional<Caller> bySessionToChange(String sessionToken) {
        if (!SecretTokens.plausible(sessionToken)) {
            return Optional.empty();
        }
        String hash = SecretTokens.hash(sessionToken);
        return bound(recent.reload(hash, () -> sessionCaller(hash)), new ChangingCaller.Credential.Session(hash));
    }

    private Optional<Caller> sessionCaller(String hash) {
        return sessions.find(hash, clock.instant()).flatMap(this::notIdle)
                .flatMap(session -> users.find(session.user()).filter(User::active)
                        .map(user -> callerOf(user, Optional.of(session.csrfToken()))))
                .filter(this::mspActive);
    }

    /**
     * A token acts for its MSP in the name of the token (audit lines say which token), with its own role but never
     * above its issuer's current one; a disabled issuer's tokens do not work.
     */
    @Override
    public Optional<Caller> byApiToken(String apiToken) {
        if (!SecretTokens.plausible(apiToken)) {
            return Optional.empty();
        }
        String hash = SecretTokens.hash(apiToken);
        return recent.get(hash, () -> tokenCaller(hash));
    }

    @Override
    public Optional<Caller> byApiTokenToChange(String apiToken) {
        if (!SecretTokens.plausible(apiToken)) {
            return Optional.empty();
        }
        String hash = SecretTokens.hash(apiToken);
        return bound(recent.reload(hash, () -> tokenCaller(hash)), new ChangingCaller.Credential.ApiToken(hash));
    }

    private Optional<Caller> tokenCaller(String hash) {
        return tokens.findActive(hash).flatMap(token -> users.find(token.createdBy())
                .filter(User::active)
                .map(issuer -> new Caller(token.msp(), token.createdBy(), "api-token:" + token.name(),
                        token.role().atMost(issuer.role()), Optional.empty())))
                .filter(this::mspActive);
    }

    private Optional<Caller> bound(Optional<Caller> caller, ChangingCaller.Credential credential) {
        caller.ifPresent(found -> changing.bind(credential));
        return caller;
    }

    @Override
    public void endRequest() {
        changing.release();
    }

    /**
     * A session unused for the idle timeout ends here (it is removed); a used one has its last use recorded, at most
     * once per {@link #RECORD_USE_EVERY}, so a busy dashboard costs no write per request.
     */
    private Optional<WebSession> notIdle(WebSession session) {
        Instant now = clock.instant();
        if (session.idleAt(now, idle.value())) {
            sessions.remove(session.tokenHash());
            return Optional.empty();
        }
        if (!now.isBefore(session.lastSeenAt().plus(RECORD_USE_EVERY))) {
            sessions.touch(session.tokenHash(), now);
        }
        return Optional.of(session);
    }

    /** A suspended MSP's sessions and tokens are refused (its operator suspended it). */
    private boolean mspActive(Caller caller) {
        return msps.find(caller.msp()).map(Msp::active).orElse(false);
    }

    static Caller callerOf(User user, Optional<String> csrf) {
        return new Caller(user.msp(), user.id(), user.email().value(), user.role(), csrf);
    }
}
