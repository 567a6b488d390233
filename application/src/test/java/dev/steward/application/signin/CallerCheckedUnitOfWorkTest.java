package dev.steward.application.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.id.TimeOrderedIdGenerator;
import dev.steward.application.inmemory.InMemoryApiTokenRepository;
import dev.steward.application.inmemory.InMemoryMspRepository;
import dev.steward.application.inmemory.InMemoryUserRepository;
import dev.steward.application.inmemory.InMemoryUnitOfWork;
import dev.steward.application.inmemory.InMemoryWebSessionRepository;
import dev.steward.application.problem.NotSignedIn;
import dev.steward.application.testkit.Fixtures;
import dev.steward.application.testkit.MutableClock;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.user.ApiToken;
import dev.steward.domain.user.EmailAddress;
import dev.steward.domain.user.User;
import dev.steward.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A write re-checks its caller's credential inside its own transaction: a token revoked after the request signed in
 * (on this or another instance) is refused, however recently it was seen valid.
 */
class CallerCheckedUnitOfWorkTest {

    private final MutableClock clock = MutableClock.startingAt("2026-05-04T09:00:00Z");
    private final InMemoryApiTokenRepository tokens = new InMemoryApiTokenRepository();
    private final InMemoryWebSessionRepository sessions = new InMemoryWebSessionRepository();
    private final ChangingCaller changing = new ChangingCaller();
    private final RecentCallers recent = new RecentCallers(clock);
    private final InMemoryUnitOfWork store = new InMemoryUnitOfWork();
    private final InMemoryMspRepository msps = new InMemoryMspRepository(store);
    private final InMemoryUserRepository users = new InMemoryUserRepository(store);
    private final AuthenticateService authenticate = new AuthenticateService(sessions, tokens, users, msps, clock,
            recent, IdleTimeout.DEFAULT, changing);
    private final CallerCheckedUnitOfWork unitOfWork = new CallerCheckedUnitOfWork(new InMemoryUnitOfWork(), changing,
            tokens, sessions, clock);
    private final MspId msp = msps.add(Fixtures.anMsp()).id();
    private final User issuer = users.add(User.register(new UserId(UUID.randomUUID()), msp,
            new EmailAddress("admin@msp.example"), UserRole.MSP_ADMIN, "hash", clock.instant()));
    private final IssuedApiToken issued = new ApiTokensService(tokens, users, new TimeOrderedIdGenerator(clock), clock,
            new InMemoryUnitOfWork(), recent).issue(msp, issuer.id(), "ci");
    private final String secret = issued.secret();
    private final ApiToken token = issued.token();
    private final List<String> written = new ArrayList<>();

    @AfterEach
    void endRequest() {
        authenticate.endRequest();
    }

    @Test
    void aWriteWithAValidTokenRuns() {
        assertThat(authenticate.byApiTokenToChange(secret)).isPresent();

        unitOfWork.run(() -> written.add("client"));

        assertThat(written).containsExactly("client");
    }

    @Test
    void aTokenRevokedAfterSignInIsRefusedForTheWriteAndNothingRuns() {
        assertThat(authenticate.byApiToken(secret)).as("a read remembers the caller").isPresent();
        assertThat(authenticate.byApiTokenToChange(secret)).isPresent();

        tokens.revoke(msp, token.id(), clock.instant()); // by another instance, say: this one is not told

        assertThatThrownBy(() -> unitOfWork.run(() -> written.add("client"))).isInstanceOf(NotSignedIn.class)
                .hasMessage("the API token is unknown or revoked");
        assertThat(written).isEmpty();
    }

    @Test
    void aChangingRequestIsAuthenticatedAgainstTheStoreNotTheRecentCopy() {
        assertThat(authenticate.byApiToken(secret)).isPresent();
        tokens.revoke(msp, token.id(), clock.instant());

        assertThat(authenticate.byApiToken(secret)).as("reads may trust the copy for a few seconds").isPresent();
        assertThat(authenticate.byApiTokenToChange(secret)).as("changes never do").isEmpty();
    }

    @Test
    void onceTheRequestEndedNothingIsChecked() {
        authenticate.byApiTokenToChange(secret);
        tokens.revoke(msp, token.id(), clock.instant());
        authenticate.endRequest();

        unitOfWork.run(() -> written.add("background work"));

        assertThat(written).containsExactly("background work");
    }

    @Test
    void aNestedUnitOfWorkJoinsWithoutCheckingTwice() {
        authenticate.byApiTokenToChange(secret);

        unitOfWork.run(() -> {
            tokens.revoke(msp, token.id(), clock.instant()); // revoked inside the checked transaction itself
            unitOfWork.run(() -> written.add("nested"));
        });

        assertThat(written).containsExactly("nested");
    }
}
