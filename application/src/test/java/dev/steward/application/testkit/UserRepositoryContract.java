package dev.steward.application.testkit;

import static dev.steward.application.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.UserRepository;
import dev.steward.application.problem.Conflict;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.user.EmailAddress;
import dev.steward.domain.user.User;
import dev.steward.domain.user.UserId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every {@link UserRepository} must pass this: one test per rule of the port's Javadoc. */
public abstract class UserRepositoryContract extends StoreContractSupport {

    protected abstract UserRepository users();

    /** A user of {@code msp} with a unique email, stored. */
    protected User storedUser(MspId msp) {
        return users().add(aUser(msp, "tech-" + UUID.randomUUID() + "@msp.example"));
    }

    static User aUser(MspId msp, String email) {
        return new User(new UserId(UUID.randomUUID()), msp, new EmailAddress(email), UserRole.MSP_TECHNICIAN,
                "$argon2id$v=19$m=16,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo", T0);
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
                "$argon2id$v=19$m=19456,t=2,p=1$YWJjZGVmZ2g$aGFzaA", T0.plusMillis(123));

        users().add(admin);

        assertThat(users().find(admin.id())).contains(admin);
    }
}
