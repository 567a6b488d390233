package dev.steward.application.port.access;

import static dev.steward.application.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.port.access.UserRepository;
import dev.steward.application.port.access.WebSession;
import dev.steward.application.port.access.WebSessionRepository;
import dev.steward.application.security.SecretTokens;
import dev.steward.application.testkit.StoreContractSupport;
import dev.steward.domain.user.UserId;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every {@link WebSessionRepository} must pass this: one test per rule of the port's Javadoc. */
public abstract class WebSessionRepositoryContract extends StoreContractSupport {

    protected abstract WebSessionRepository sessions();

    /** Where the sessions' users are stored (stores with foreign keys need them first). */
    protected abstract UserRepository users();

    private UserId storedUser() {
        return users().add(UserRepositoryContract.aUser(storedMsp(), "s-" + UUID.randomUUID() + "@msp.example")).id();
    }

    private static WebSession session(UserId user, Duration length) {
        return new WebSession(SecretTokens.hash(SecretTokens.newToken("sts_")), user, SecretTokens.newToken(""), T0,
                T0.plus(length));
    }

    @Test
    void findsALiveSessionByItsTokenHash() {
        WebSession session = session(storedUser(), Duration.ofHours(1));

        sessions().add(session);

        assertThat(sessions().find(session.tokenHash(), T0.plusSeconds(60))).contains(session);
        assertThat(sessions().find(SecretTokens.hash("other"), T0)).isEmpty();
    }

    @Test
    void touchingRecordsTheLastUseAndNeverMovesItBack() {
        WebSession session = session(storedUser(), Duration.ofHours(1));
        sessions().add(session);
        assertThat(sessions().find(session.tokenHash(), T0)).hasValueSatisfying(s -> assertThat(s.lastSeenAt())
                .isEqualTo(T0));

        sessions().touch(session.tokenHash(), T0.plusSeconds(90));
        sessions().touch(session.tokenHash(), T0.plusSeconds(30));
        sessions().touch(SecretTokens.hash("unknown"), T0.plusSeconds(30));

        assertThat(sessions().find(session.tokenHash(), T0.plusSeconds(100))).hasValueSatisfying(s -> {
            assertThat(s.lastSeenAt()).isEqualTo(T0.plusSeconds(90));
            assertThat(s.expiresAt()).isEqualTo(session.expiresAt());
        });
    }

    @Test
    void anExpiredSessionIsNotFound() {
        WebSession session = session(storedUser(), Duration.ofHours(1));
        sessions().add(session);

        assertThat(sessions().find(session.tokenHash(), T0.plus(Duration.ofHours(1)))).isEmpty();
    }

    @Test
    void removingEndsOneSessionAndIsIdempotent() {
        UserId user = storedUser();
        WebSession ended = session(user, Duration.ofHours(1));
        WebSession kept = session(user, Duration.ofHours(1));
        sessions().add(ended);
        sessions().add(kept);

        sessions().remove(ended.tokenHash());
        sessions().remove(ended.tokenHash());

        assertThat(sessions().find(ended.tokenHash(), T0)).isEmpty();
        assertThat(sessions().find(kept.tokenHash(), T0)).contains(kept);
    }

    @Test
    void removingAllOfAUserLeavesOtherUsersSignedIn() {
        UserId leaving = storedUser();
        UserId staying = storedUser();
        WebSession a = session(leaving, Duration.ofHours(1));
        WebSession b = session(leaving, Duration.ofHours(2));
        WebSession other = session(staying, Duration.ofHours(1));
        sessions().add(a);
        sessions().add(b);
        sessions().add(other);

        sessions().removeAllOf(leaving);

        assertThat(sessions().find(a.tokenHash(), T0)).isEmpty();
        assertThat(sessions().find(b.tokenHash(), T0)).isEmpty();
        assertThat(sessions().find(other.tokenHash(), T0)).contains(other);
    }

    @Test
    void removingExpiredOnesKeepsLiveOnes() {
        UserId user = storedUser();
        WebSession shortOne = session(user, Duration.ofMinutes(1));
        WebSession longOne = session(user, Duration.ofDays(1));
        sessions().add(shortOne);
        sessions().add(longOne);

        int removed = sessions().removeExpired(T0.plus(Duration.ofHours(1)));

        assertThat(removed).isGreaterThanOrEqualTo(1);
        assertThat(sessions().find(longOne.tokenHash(), T0.plus(Duration.ofHours(1)))).contains(longOne);
        assertThat(sessions().find(shortOne.tokenHash(), T0)).as("gone, not only hidden").isEmpty();
    }
}
