package dev.steward.application.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.inmemory.InMemoryApiTokenRepository;
import dev.steward.application.inmemory.InMemoryMspRepository;
import dev.steward.application.inmemory.InMemoryUnitOfWork;
import dev.steward.application.inmemory.InMemoryUserRepository;
import dev.steward.application.inmemory.InMemoryWebSessionRepository;
import dev.steward.application.inmemory.TimeOrderedIdGenerator;
import dev.steward.application.msp.RegisterMspCommand;
import dev.steward.application.msp.RegisterMspService;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.NotSignedIn;
import dev.steward.application.problem.TooManyAttempts;
import dev.steward.application.testkit.MutableClock;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import dev.steward.domain.user.ApiToken;
import dev.steward.domain.user.User;
import jakarta.validation.Validation;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SignInServicesTest {

    private static final String PASSWORD = "a long enough password";

    private final MutableClock clock = MutableClock.startingAt("2026-05-04T09:00:00Z");
    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryMspRepository msps = new InMemoryMspRepository(unitOfWork);
    private final InMemoryUserRepository users = new InMemoryUserRepository(unitOfWork);
    private final InMemoryWebSessionRepository sessions = new InMemoryWebSessionRepository();
    private final InMemoryApiTokenRepository tokens = new InMemoryApiTokenRepository();
    private final TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator(clock);
    private final CommandValidator validator = new CommandValidator(
            Validation.buildDefaultValidatorFactory().getValidator());
    private final SaltedSha256Hasher hasher = new SaltedSha256Hasher();
    private final RegisterMspService registerMsp = new RegisterMspService(validator, msps, ids, clock, unitOfWork);
    private final CreateUserService createUser = new CreateUserService(validator, users, msps, hasher, ids, clock,
            unitOfWork);
    private final RecentCallers recent = new RecentCallers(clock);
    private final SignInService signIn = new SignInService(users, sessions, hasher, clock, unitOfWork, recent);
    private final AuthenticateService authenticate = new AuthenticateService(sessions, tokens, users, clock, recent);
    private final ApiTokensService apiTokens = new ApiTokensService(tokens, ids, clock, unitOfWork, recent);
    private final FirstRunService firstRun = new FirstRunService(users, msps, registerMsp, createUser);

    private final Msp msp = registerMsp.register(new RegisterMspCommand("Northwind IT"));
    private final User ann = createUser.create(new CreateUserCommand(msp.id(), "Ann@Northwind.example", PASSWORD,
            "technician"));

    private SignedIn signInAnn(String password) {
        return signIn.signIn(new SignInCommand("ann@northwind.example", password, "10.0.0.1"));
    }

    @Test
    void aSessionSignsInAsTheUserOfTheirMspWithACsrfToken() {
        SignedIn signedIn = signInAnn(PASSWORD);

        Caller caller = authenticate.bySession(signedIn.sessionToken()).orElseThrow();
        assertThat(caller.msp()).isEqualTo(msp.id());
        assertThat(caller.user()).isEqualTo(ann.id());
        assertThat(caller.actor()).isEqualTo("ann@northwind.example");
        assertThat(caller.role()).isEqualTo(UserRole.MSP_TECHNICIAN);
        assertThat(caller.csrfToken()).isPresent().isEqualTo(signedIn.caller().csrfToken());
        assertThat(caller.browser()).isTrue();
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailAreRefusedAlike() {
        assertThatThrownBy(() -> signInAnn("not the password"))
                .isInstanceOf(NotSignedIn.class).hasMessage(SignInService.REFUSED);
        assertThatThrownBy(() -> signIn.signIn(new SignInCommand("bob@northwind.example", PASSWORD, "10.0.0.1")))
                .isInstanceOf(NotSignedIn.class).hasMessage(SignInService.REFUSED);
        assertThatThrownBy(() -> signIn.signIn(new SignInCommand("ann@northwind.example", null, "10.0.0.1")))
                .isInstanceOf(NotSignedIn.class);
    }

    @Test
    void aMalformedEmailNamesTheField() {
        assertThatThrownBy(() -> signIn.signIn(new SignInCommand("ann", PASSWORD, "10.0.0.1")))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("email"));
    }

    @Test
    void repeatedFailuresLockTheEmailEvenForTheRightPasswordUntilTheWindowPasses() {
        for (int i = 0; i < LoginThrottle.PER_EMAIL; i++) {
            assertThatThrownBy(() -> signInAnn("guess")).isInstanceOf(NotSignedIn.class);
        }

        assertThatThrownBy(() -> signInAnn(PASSWORD)).isInstanceOfSatisfying(TooManyAttempts.class,
                e -> assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(LoginThrottle.WINDOW));

        clock.advance(LoginThrottle.WINDOW.plusSeconds(1));
        assertThat(signInAnn(PASSWORD).caller().user()).isEqualTo(ann.id());
    }

    @Test
    void oneAddressGuessingManyEmailsIsLockedToo() {
        for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) {
            String email = "nobody" + i + "@northwind.example";
            assertThatThrownBy(() -> signIn.signIn(new SignInCommand(email, "guess", "10.9.9.9")))
                    .isInstanceOf(NotSignedIn.class);
        }

        assertThatThrownBy(() -> signIn.signIn(new SignInCommand("ann@northwind.example", PASSWORD, "10.9.9.9")))
                .isInstanceOf(TooManyAttempts.class);
        assertThat(signIn.signIn(new SignInCommand("ann@northwind.example", PASSWORD, "10.0.0.2"))).isNotNull();
    }

    @Test
    void aSuccessForgetsEarlierFailuresOfThatEmail() {
        for (int i = 0; i < LoginThrottle.PER_EMAIL - 1; i++) {
            assertThatThrownBy(() -> signInAnn("guess")).isInstanceOf(NotSignedIn.class);
        }
        signInAnn(PASSWORD);

        assertThatThrownBy(() -> signInAnn("guess")).isInstanceOf(NotSignedIn.class);
        assertThat(signInAnn(PASSWORD)).isNotNull();
    }

    @Test
    void aSessionEndsAtSignOutOrAfterItsLength() {
        SignedIn out = signInAnn(PASSWORD);
        SignedIn expiring = signInAnn(PASSWORD);

        signIn.signOut(out.sessionToken());
        signIn.signOut(out.sessionToken());
        signIn.signOut("garbage");
        assertThat(authenticate.bySession(out.sessionToken())).isEmpty();
        assertThat(authenticate.bySession(expiring.sessionToken())).isPresent();

        clock.advance(SignInService.SESSION_LENGTH);
        assertThat(authenticate.bySession(expiring.sessionToken())).isEmpty();
        assertThat(authenticate.bySession(null)).isEmpty();
        assertThat(authenticate.bySession("x".repeat(5000))).isEmpty();
    }

    @Test
    void anApiTokenActsForItsMspUntilRevoked() {
        IssuedApiToken issued = apiTokens.issue(msp.id(), ann.id(), "  ci pipeline ");

        assertThat(issued.secret()).startsWith("stk_").endsWith(issued.token().lastFour());
        assertThat(issued.token().name()).isEqualTo("ci pipeline");
        assertThat(issued.toString()).doesNotContain(issued.secret());
        Caller caller = authenticate.byApiToken(issued.secret()).orElseThrow();
        assertThat(caller.msp()).isEqualTo(msp.id());
        assertThat(caller.actor()).isEqualTo("api-token:ci pipeline");
        assertThat(caller.browser()).isFalse();

        ApiToken revoked = apiTokens.revoke(msp.id(), issued.token().id());
        assertThat(revoked.active()).isFalse();
        assertThat(authenticate.byApiToken(issued.secret())).isEmpty();
        assertThat(apiTokens.list(msp.id())).containsExactly(revoked);
    }

    @Test
    void aTokenRevokedElsewhereStopsWorkingHereWithinTheCacheTime() {
        IssuedApiToken issued = apiTokens.issue(msp.id(), ann.id(), "ci");
        assertThat(authenticate.byApiToken(issued.secret())).isPresent();

        tokens.revoke(msp.id(), issued.token().id(), clock.instant());
        assertThat(authenticate.byApiToken(issued.secret())).as("still remembered").isPresent();

        clock.advance(RecentCallers.TTL);
        assertThat(authenticate.byApiToken(issued.secret())).isEmpty();
    }

    @Test
    void tokensAreScopedToTheirMsp() {
        Msp other = registerMsp.register(new RegisterMspCommand("Other IT"));
        IssuedApiToken issued = apiTokens.issue(msp.id(), ann.id(), "ci");

        assertThatThrownBy(() -> apiTokens.revoke(other.id(), issued.token().id())).isInstanceOf(NotFound.class);
        assertThat(apiTokens.list(other.id())).isEmpty();
        assertThatThrownBy(() -> apiTokens.issue(msp.id(), ann.id(), " "))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void creatingAUserNamesEveryBadFieldAndStoresNothing() {
        assertThatThrownBy(() -> createUser.create(new CreateUserCommand(msp.id(), "bad", "short", "boss")))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactlyInAnyOrder("email", "password", "role"));
        assertThatThrownBy(() -> createUser.create(new CreateUserCommand(msp.id(), "ANN@northwind.example",
                PASSWORD, "admin"))).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> createUser.create(new CreateUserCommand(new MspId(UUID.randomUUID()),
                "new@northwind.example", PASSWORD, "admin"))).isInstanceOf(NotFound.class);
        assertThat(users.list(msp.id())).containsExactly(ann);
    }

    @Test
    void theStoredUserHoldsOnlyAHashOfThePassword() {
        assertThat(ann.passwordHash()).doesNotContain(PASSWORD);
        assertThat(ann.toString()).doesNotContain(ann.passwordHash());
    }

    @Test
    void firstRunCreatesTheFirstAdminOnceAndUsesTheExistingMsp() {
        InMemoryUserRepository noUsers = new InMemoryUserRepository(unitOfWork);
        CreateUserService creating = new CreateUserService(validator, noUsers, msps, hasher, ids, clock, unitOfWork);
        FirstRunService fresh = new FirstRunService(noUsers, msps, registerMsp, creating);

        FirstRunUseCase.FirstAdmin first = fresh.setUp("Demo MSP", "admin@steward.local", Optional.empty())
                .orElseThrow();

        assertThat(first.msp()).isEqualTo(msp);
        assertThat(first.admin().role()).isEqualTo(UserRole.MSP_ADMIN);
        assertThat(first.generatedPassword()).isPresent();
        assertThat(hasher.matches(first.generatedPassword().get(), first.admin().passwordHash())).isTrue();
        assertThat(fresh.setUp("Demo MSP", "other@steward.local", Optional.of(PASSWORD))).isEmpty();
        assertThat(firstRun.setUp("Demo MSP", "x@steward.local", Optional.empty()))
                .as("an installation with users is left alone").isEmpty();
    }

    @Test
    void firstRunWithAGivenPasswordPrintsNone() {
        InMemoryUnitOfWork fresh = new InMemoryUnitOfWork();
        InMemoryMspRepository noMsps = new InMemoryMspRepository(fresh);
        InMemoryUserRepository noUsers = new InMemoryUserRepository(fresh);
        RegisterMspService register = new RegisterMspService(validator, noMsps, ids, clock, fresh);
        FirstRunService firstRunOnEmpty = new FirstRunService(noUsers, noMsps, register,
                new CreateUserService(validator, noUsers, noMsps, hasher, ids, clock, fresh));

        FirstRunUseCase.FirstAdmin first = firstRunOnEmpty.setUp("Demo MSP", "admin@steward.local",
                Optional.of(PASSWORD)).orElseThrow();

        assertThat(first.msp().name().value()).isEqualTo("Demo MSP");
        assertThat(first.generatedPassword()).isEmpty();
    }
}
