package dev.steward.application.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.id.TimeOrderedIdGenerator;
import dev.steward.application.inmemory.InMemoryApiTokenRepository;
import dev.steward.application.inmemory.InMemoryInstallationLock;
import dev.steward.application.inmemory.InMemoryMspRepository;
import dev.steward.application.inmemory.InMemoryUnitOfWork;
import dev.steward.application.inmemory.InMemoryUserRepository;
import dev.steward.application.inmemory.InMemoryWebSessionRepository;
import dev.steward.application.msp.RegisterMspCommand;
import dev.steward.application.msp.RegisterMspService;
import dev.steward.application.port.access.UserRepository;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.NotSignedIn;
import dev.steward.application.problem.TooManyAttempts;
import dev.steward.application.security.SecretTokens;
import dev.steward.application.testkit.MutableClock;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import dev.steward.domain.user.ApiToken;
import dev.steward.domain.user.User;
import jakarta.validation.Validation;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    private final SignInService signIn = new SignInService(users, msps, sessions, hasher, clock, unitOfWork,
            recent);
    private final AuthenticateService authenticate = new AuthenticateService(sessions, tokens, users, msps,
            clock, recent, IdleTimeout.DEFAULT, new ChangingCaller());
    private final ApiTokensService apiTokens = new ApiTokensService(tokens, users, ids, clock, unitOfWork, recent);
    private final FirstRunService firstRun = new FirstRunService(users, msps, registerMsp, createUser,
            new InMemoryInstallationLock(unitOfWork), unitOfWork);

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

    /**
     * The review's reproduction: five wrong passwords every 15 minutes from anywhere kept the admin locked out. Now a
     * stranger's failures delay only the stranger's address, with delays that double.
     */
    @Test
    void aStrangersFailuresDelayOnlyTheirOwnAddressAndTheDelaysGrow() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThatThrownBy(() -> signIn.signIn(new SignInCommand("ann@northwind.example", "guess",
                    "10.6.6.6"))).isInstanceOf(NotSignedIn.class);
        }

        assertThat(signIn.signIn(new SignInCommand("ann@northwind.example", PASSWORD, "10.0.0.1")).caller().user())
                .as("ann, from her own address").isEqualTo(ann.id());
        for (long expected : new long[] {1, 2, 4, 8}) {
            assertThatThrownBy(() -> signIn.signIn(new SignInCommand("ann@northwind.example", PASSWORD, "10.6.6.6")))
                    .isInstanceOfSatisfying(TooManyAttempts.class,
                            e -> assertThat(e.retryAfter()).isEqualTo(java.time.Duration.ofSeconds(expected)));
            clock.advance(java.time.Duration.ofSeconds(expected));
            assertThatThrownBy(() -> signIn.signIn(new SignInCommand("ann@northwind.example", "guess",
                    "10.6.6.6"))).isInstanceOf(NotSignedIn.class);
        }
        assertThat(LoginThrottle.delayAfter(40)).isEqualTo(LoginThrottle.MAX_DELAY);
        clock.advance(LoginThrottle.MEMORY);
        assertThat(signIn.signIn(new SignInCommand("ann@northwind.example", PASSWORD, "10.6.6.6"))).isNotNull();
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
        for (int i = 0; i < LoginThrottle.FREE_FAILURES - 1; i++) {
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

    /** The review's finding: a session lived its full 12 hours however long it went unused. */
    @Test
    void aSessionUnusedForTheIdleTimeoutEndsAndAUsedOneGoesOn() {
        SignedIn used = signInAnn(PASSWORD);
        SignedIn left = signInAnn(PASSWORD);

        for (int i = 0; i < 6; i++) {
            clock.advance(java.time.Duration.ofMinutes(25));
            assertThat(authenticate.bySession(used.sessionToken())).as("used every 25 minutes").isPresent();
        }

        assertThat(authenticate.bySession(left.sessionToken())).as("unused for 150 minutes").isEmpty();
        assertThat(sessions.find(SecretTokens.hash(left.sessionToken()), clock.instant())).as("removed").isEmpty();
        clock.advance(IdleTimeout.DEFAULT.value());
        assertThat(authenticate.bySession(used.sessionToken())).as("then unused for 30 minutes").isEmpty();
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
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("name"));
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
        FirstRunService fresh = new FirstRunService(noUsers, msps, registerMsp, creating,
                new InMemoryInstallationLock(unitOfWork), unitOfWork);

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
                new CreateUserService(validator, noUsers, noMsps, hasher, ids, clock, fresh),
                new InMemoryInstallationLock(fresh), fresh);

        FirstRunUseCase.FirstAdmin first = firstRunOnEmpty.setUp("Demo MSP", "admin@steward.local",
                Optional.of(PASSWORD)).orElseThrow();

        assertThat(first.msp().name().value()).isEqualTo("Demo MSP");
        assertThat(first.generatedPassword()).isEmpty();
    }

    @Test
    void twoFirstRunsAtOnceOnAnEmptyStoreMakeOneMspAndOneAdminAndNeitherFails() throws Exception {
        InMemoryUnitOfWork fresh = new InMemoryUnitOfWork();
        InMemoryMspRepository noMsps = new InMemoryMspRepository(fresh);
        InMemoryUserRepository noUsers = new InMemoryUserRepository(fresh);
        // both starts look for users before either has created one, as two instances starting at once do
        CyclicBarrier bothLooked = new CyclicBarrier(2);
        UserRepository racing = (UserRepository) java.lang.reflect.Proxy.newProxyInstance(
                UserRepository.class.getClassLoader(), new Class<?>[] {UserRepository.class}, (proxy, method, args) -> {
                    Object result = method.invoke(noUsers, args);
                    if (method.getName().equals("any")) {
                        try {
                            bothLooked.await(300, TimeUnit.MILLISECONDS);
                        } catch (TimeoutException | BrokenBarrierException e) {
                            // the other start waits for the lock: it looks only after this one committed
                        }
                    }
                    return result;
                });
        RegisterMspService register = new RegisterMspService(validator, noMsps, ids, clock, fresh);
        CreateUserService creating = new CreateUserService(validator, racing, noMsps, hasher, ids, clock, fresh);
        FirstRunService start = new FirstRunService(racing, noMsps, register, creating,
                new InMemoryInstallationLock(fresh), fresh);

        List<Optional<FirstRunUseCase.FirstAdmin>> results;
        try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
            Callable<Optional<FirstRunUseCase.FirstAdmin>> setUp =
                    () -> start.setUp("Demo MSP", "admin@steward.local", Optional.empty());
            results = List.of(instances.submit(setUp), instances.submit(setUp)).stream().map(future -> {
                try {
                    return future.get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("a first run failed", e);
                }
            }).toList();
        }

        assertThat(results.stream().filter(Optional::isPresent)).as("admins created").hasSize(1);
        assertThat(noMsps.list()).as("MSPs").hasSize(1);
        assertThat(noUsers.list(noMsps.list().getFirst().id())).as("users").hasSize(1);
    }
}
