package dev.steward.application.port.access;

import static dev.steward.application.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.access.UserRepository;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.NotFound;
import dev.steward.application.security.SecretTokens;
import dev.steward.application.testkit.StoreContractSupport;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.user.EmailAddress;
import dev.steward.domain.user.User;
import dev.steward.domain.user.UserId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every {@link UserRepository} must pass this: one test per rule of the port's Javadoc. */
public abstract class UserRepositoryContract extends StoreContractSupport {

    protected abstract UserRepository users();

    /** A user of {@code msp} with a unique email, stored. */
    protected User storedUser(MspId msp) {
        return users().add(aUser(msp, "tech-" + UUID.randomUUID() + "@msp.example"));
    }

    /** A technician of {@code msp} with a placeholder hash, for stores that need a user first. */
    public static User aUser(MspId msp, String email) {
        return aUser(msp, email, UserRole.MSP_TECHNICIAN);
    }

    static User aUser(MspId msp, String email, UserRole role) {
        return User.register(new UserId(UUID.randomUUID()), msp, new EmailAddress(email), role,
                "$argon2id$v=19$m=16,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo", T0);
    }

    private User storedUser(MspId msp, UserRole role) {
        return users().add(aUser(msp, role.label() + "-" + UUID.randomUUID() + "@msp.example", role));
    }

    @Test
    void findsAUserByIdAndByEmailInAnyCase() {
        MspId msp = storedMsp();
        String email = "Ann-" + UUID.randomUUID() + "@MSP.example";
        User ann = users().add(aUser(msp, email));

        assertThat(users().find(ann.id())).contains(ann);
        assertThat(users().findByEmail(new EmailAddress(email.toUpperCase()))).contains(ann);
        assertThat(users().findByEmail(new EmailAddress("nobody-" + UUID.randomUUID() + "@msp.example"))).isEmpty();
        assertThat(users().find(new UserId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void anEmailBelongsToOneUserAcrossAllMsps() {
        String email = "ann-" + UUID.randomUUID() + "@msp.example";
        users().add(aUser(storedMsp(), email));

        assertThatThrownBy(() -> users().add(aUser(storedMsp(), email)))
                .isInstanceOfSatisfying(Conflict.class, c -> {
                    assertThat(c.code()).isEqualTo("email.taken");
                    assertThat(c.field()).contains("email");
                });
    }

    @Test
    void listsOnlyTheMspsOwnUsersByEmail() {
        MspId msp = storedMsp();
        User zed = users().add(aUser(msp, "zed-" + UUID.randomUUID() + "@msp.example"));
        User amy = users().add(aUser(msp, "amy-" + UUID.randomUUID() + "@msp.example"));
        storedUser(storedMsp());

        assertThat(users().list(msp)).containsExactly(amy, zed);
    }

    @Test
    void knowsWhetherAnyUserExists() {
        storedUser(storedMsp());

        assertThat(users().any()).isTrue();
    }

    @Test
    void keepsEveryFieldAsStored() {
        MspId msp = storedMsp();
        User admin = new User(new UserId(UUID.randomUUID()), msp,
                new EmailAddress("admin-" + UUID.randomUUID() + "@msp.example"), UserRole.MSP_ADMIN,
                "$argon2id$v=19$m=19456,t=2,p=1$YWJjZGVmZ2g$aGFzaA", T0.plusMillis(123),
                Optional.of(T0.plusSeconds(5)));

        users().add(admin);

        assertThat(users().find(admin.id())).contains(admin);
    }

    @Nested
    class Updates {

        @Test
        void savesRolePasswordAndDisablingButNeverIdentity() {
            MspId msp = storedMsp();
            storedUser(msp, UserRole.MSP_ADMIN);
            User tech = storedUser(msp, UserRole.MSP_TECHNICIAN);
            User changed = new User(tech.id(), storedMsp(), new EmailAddress("other-" + UUID.randomUUID()
                    + "@msp.example"), UserRole.MSP_VIEWER, "$argon2id$new", T0.plusSeconds(99),
                    Optional.of(T0.plusSeconds(7)));

            User saved = users().update(changed);

            User expected = tech.withRole(UserRole.MSP_VIEWER).withPasswordHash("$argon2id$new")
                    .disabled(T0.plusSeconds(7));
            assertThat(saved).isEqualTo(expected);
            assertThat(users().find(tech.id())).contains(expected);
        }

        @Test
        void updatingAnUnknownUserIsNotFound() {
            assertThatThrownBy(() -> users().update(aUser(storedMsp(), "ghost-" + UUID.randomUUID()
                    + "@msp.example"))).isInstanceOf(NotFound.class);
        }

        @Test
        void theLastActiveAdminIsNeitherDemotedNorDisabled() {
            MspId msp = storedMsp();
            User admin = storedUser(msp, UserRole.MSP_ADMIN);
            User former = storedUser(msp, UserRole.MSP_ADMIN);
            users().update(former.disabled(T0));

            assertThatThrownBy(() -> users().update(admin.withRole(UserRole.MSP_TECHNICIAN)))
                    .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.code()).isEqualTo("user.last-admin"));
            assertThatThrownBy(() -> users().update(admin.disabled(T0)))
                    .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.code()).isEqualTo("user.last-admin"));
            assertThat(users().find(admin.id())).contains(admin);
            assertThat(users().update(admin.withPasswordHash("$argon2id$other")).activeAdmin()).isTrue();
        }

        @Test
        void anAdminMayStepDownWhileAnotherAdminRemains() {
            MspId msp = storedMsp();
            User ann = storedUser(msp, UserRole.MSP_ADMIN);
            User bob = storedUser(msp, UserRole.MSP_ADMIN);
            storedUser(storedMsp(), UserRole.MSP_ADMIN);

            assertThat(users().update(ann.withRole(UserRole.MSP_VIEWER)).role()).isEqualTo(UserRole.MSP_VIEWER);
            assertThatThrownBy(() -> users().update(bob.disabled(T0))).isInstanceOf(Conflict.class);
        }

        @Test
        void ofTwoAdminsDemotingEachOtherAtOnceOneFails() throws Exception {
            MspId msp = storedMsp();
            User ann = storedUser(msp, UserRole.MSP_ADMIN);
            User bob = storedUser(msp, UserRole.MSP_ADMIN);
            var start = new java.util.concurrent.CountDownLatch(1);
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
                var first = pool.submit(() -> {
                    start.await();
                    return users().update(ann.withRole(UserRole.MSP_TECHNICIAN));
                });
                var second = pool.submit(() -> {
                    start.await();
                    return users().update(bob.withRole(UserRole.MSP_TECHNICIAN));
                });
                start.countDown();
                int failed = 0;
                for (var outcome : java.util.List.of(first, second)) {
                    try {
                        outcome.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(Conflict.class);
                        failed++;
                    }
                }
                assertThat(failed).isEqualTo(1);
            }
            assertThat(users().list(msp)).filteredOn(User::activeAdmin).hasSize(1);
        }
    }

    @Nested
    class PasswordLinks {

        @Test
        void aLinkIsFoundWhileLiveAndTakenOnce() {
            User tech = storedUser(storedMsp());
            String hash = SecretTokens.hash(SecretTokens.newToken("spl_"));
            users().addPasswordLink(hash, tech.id(), T0.plusSeconds(60));

            assertThat(users().findPasswordLink(hash, T0)).contains(tech.id());
            assertThat(users().findPasswordLink(hash, T0)).contains(tech.id());
            assertThat(users().takePasswordLink(hash, T0)).contains(tech.id());
            assertThat(users().takePasswordLink(hash, T0)).isEmpty();
            assertThat(users().findPasswordLink(hash, T0)).isEmpty();
        }

        @Test
        void anExpiredLinkIsAsGoodAsUnknown() {
            User tech = storedUser(storedMsp());
            String hash = SecretTokens.hash(SecretTokens.newToken("spl_"));
            users().addPasswordLink(hash, tech.id(), T0.plusSeconds(60));

            assertThat(users().findPasswordLink(hash, T0.plusSeconds(60))).isEmpty();
            assertThat(users().takePasswordLink(hash, T0.plusSeconds(60))).isEmpty();
            assertThat(users().takePasswordLink(SecretTokens.hash("unknown"), T0)).isEmpty();
        }

        @Test
        void aNewLinkReplacesTheUsersEarlierOne() {
            User tech = storedUser(storedMsp());
            String first = SecretTokens.hash(SecretTokens.newToken("spl_"));
            String second = SecretTokens.hash(SecretTokens.newToken("spl_"));
            users().addPasswordLink(first, tech.id(), T0.plusSeconds(60));
            users().addPasswordLink(second, tech.id(), T0.plusSeconds(60));

            assertThat(users().takePasswordLink(first, T0)).isEmpty();
            assertThat(users().takePasswordLink(second, T0)).contains(tech.id());
        }

        @Test
        void ofTwoConcurrentUsesAtMostOneGetsTheUser() throws Exception {
            User tech = storedUser(storedMsp());
            String hash = SecretTokens.hash(SecretTokens.newToken("spl_"));
            users().addPasswordLink(hash, tech.id(), T0.plusSeconds(60));
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
                java.util.concurrent.Callable<Optional<UserId>> take = () -> users().takePasswordLink(hash, T0);
                var uses = pool.invokeAll(java.util.Collections.nCopies(4, take));
                long taken = 0;
                for (var use : uses) {
                    taken += use.get().isPresent() ? 1 : 0;
                }
                assertThat(taken).isEqualTo(1);
            }
        }
    }
}
