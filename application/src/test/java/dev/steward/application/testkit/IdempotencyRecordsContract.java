package dev.steward.application.testkit;

import static dev.steward.application.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.port.IdempotencyRecords;
import dev.steward.application.port.IdempotencyRecords.Answer;
import dev.steward.application.port.IdempotencyRecords.Claim;
import dev.steward.domain.msp.MspId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Every {@link IdempotencyRecords} must pass this: one test per rule of the port's Javadoc. */
public abstract class IdempotencyRecordsContract extends StoreContractSupport {

    protected abstract IdempotencyRecords records();

    private static final byte[] BODY = "{\"name\":\"Acme\"}".getBytes(StandardCharsets.UTF_8);
    private static final Answer CREATED = new Answer(201, Map.of("Location", "/api/v1/clients/acme"),
            "application/json", "{\"slug\":\"acme\"}".getBytes(StandardCharsets.UTF_8));
    private static final Instant LONG_AGO = T0.minus(Duration.ofDays(1));

    private static String aKey() {
        return "key-" + UUID.randomUUID();
    }

    @Test
    void theFirstClaimWinsAndLaterOnesSeeTheFingerprintThenTheAnswer() {
        MspId msp = storedMsp();
        String key = aKey();

        assertThat(records().claim(msp, key, BODY, T0, LONG_AGO)).isInstanceOf(Claim.Claimed.class);
        Claim pending = records().claim(msp, key, BODY, T0, LONG_AGO);
        assertThat(pending).isInstanceOfSatisfying(Claim.Taken.class, t -> {
            assertThat(t.fingerprint()).isEqualTo(BODY);
            assertThat(t.answer()).isEmpty();
        });

        records().complete(msp, key, CREATED);
        assertThat(records().claim(msp, key, BODY, T0, LONG_AGO)).isInstanceOfSatisfying(Claim.Taken.class,
                t -> assertThat(t.answer()).contains(CREATED));
    }

    @Test
    void keysBelongToOneMsp() {
        MspId msp = storedMsp();
        String key = aKey();
        records().claim(msp, key, BODY, T0, LONG_AGO);

        assertThat(records().claim(storedMsp(), key, BODY, T0, LONG_AGO)).isInstanceOf(Claim.Claimed.class);
    }

    @Test
    void aReleasedKeyIsFreeAgainButACompletedOneIsNot() {
        MspId msp = storedMsp();
        String released = aKey();
        String completed = aKey();
        records().claim(msp, released, BODY, T0, LONG_AGO);
        records().claim(msp, completed, BODY, T0, LONG_AGO);
        records().complete(msp, completed, CREATED);

        records().release(msp, released);
        records().release(msp, completed);

        assertThat(records().claim(msp, released, BODY, T0, LONG_AGO)).isInstanceOf(Claim.Claimed.class);
        assertThat(records().claim(msp, completed, BODY, T0, LONG_AGO)).isInstanceOf(Claim.Taken.class);
    }

    @Test
    void anAbandonedClaimCanBeTakenOverButAnAnsweredOneCannot() {
        MspId msp = storedMsp();
        String abandoned = aKey();
        String answered = aKey();
        records().claim(msp, abandoned, BODY, T0, LONG_AGO);
        records().claim(msp, answered, BODY, T0, LONG_AGO);
        records().complete(msp, answered, CREATED);

        Instant later = T0.plus(Duration.ofMinutes(5));
        Instant cutoff = later.minus(Duration.ofMinutes(1));
        assertThat(records().claim(msp, abandoned, BODY, later, cutoff)).isInstanceOf(Claim.Claimed.class);
        assertThat(records().claim(msp, answered, BODY, later, cutoff)).isInstanceOf(Claim.Taken.class);
    }

    @Test
    void purgingForgetsOldKeysOnly() {
        MspId msp = storedMsp();
        String old = aKey();
        String recent = aKey();
        records().claim(msp, old, BODY, T0, LONG_AGO);
        records().complete(msp, old, CREATED);
        records().claim(msp, recent, BODY, T0.plus(Duration.ofHours(2)), LONG_AGO);

        assertThat(records().purgeOlderThan(T0.plus(Duration.ofHours(1)))).isGreaterThanOrEqualTo(1);

        assertThat(records().claim(msp, old, BODY, T0, LONG_AGO)).isInstanceOf(Claim.Claimed.class);
        assertThat(records().claim(msp, recent, BODY, T0, LONG_AGO)).isInstanceOf(Claim.Taken.class);
    }

    @Test
    void ofConcurrentClaimsExactlyOneWins() throws Exception {
        MspId msp = storedMsp();
        String key = aKey();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Claim>> claims = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Claim> claim = () -> {
                    start.await();
                    return records().claim(msp, key, BODY, T0, LONG_AGO);
                };
                claims.add(pool.submit(claim));
            }
            start.countDown();
            int won = 0;
            for (Future<Claim> claim : claims) {
                won += claim.get() instanceof Claim.Claimed ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
