package dev.steward.application.port.store;

import static dev.steward.application.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.store.IdempotencyRecords;
import dev.steward.application.port.store.IdempotencyRecords.Answer;
import dev.steward.application.port.store.IdempotencyRecords.Claim;
import dev.steward.application.testkit.StoreContractSupport;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every {@link IdempotencyRecords} must pass this: one test per rule of the port's Javadoc. */
public abstract class IdempotencyRecordsContract extends StoreContractSupport {

    protected abstract IdempotencyRecords records();

    private static final byte[] BODY = "{\"name\":\"Acme\"}".getBytes(StandardCharsets.UTF_8);
    private static final Answer CREATED = new Answer(201, Map.of("Location", "/api/v1/clients/acme"),
            "application/json", "{\"slug\":\"acme\"}".getBytes(StandardCharsets.UTF_8));

    private static String aKey() {
        return "key-" + UUID.randomUUID();
    }

    /** Claims inside a unit of work of its own, completing the key when {@code answer} is given. */
    private Claim claimed(MspId msp, String key, byte[] body, Instant at, Answer answer) {
        return unitOfWork().inTransaction(() -> {
            Claim claim = records().claim(msp, key, body, at);
            if (claim instanceof Claim.Claimed && answer != null) {
                records().complete(msp, key, answer);
            }
            return claim;
        });
    }

    @Test
    void theFirstClaimWinsAndLaterOnesSeeItsFingerprintAndAnswer() {
        MspId msp = storedMsp();
        String key = aKey();

        assertThat(claimed(msp, key, BODY, T0, CREATED)).isInstanceOf(Claim.Claimed.class);

        assertThat(claimed(msp, key, BODY, T0, CREATED)).isInstanceOfSatisfying(Claim.Taken.class, t -> {
            assertThat(t.fingerprint()).isEqualTo(BODY);
            assertThat(t.answer()).isEqualTo(CREATED);
        });
    }

    @Test
    void keysBelongToOneMsp() {
        MspId msp = storedMsp();
        String key = aKey();
        claimed(msp, key, BODY, T0, CREATED);

        assertThat(claimed(storedMsp(), key, BODY, T0, CREATED)).isInstanceOf(Claim.Claimed.class);
    }

    @Test
    void aUnitOfWorkThatRollsBackLeavesTheKeyFree() {
        MspId msp = storedMsp();
        String key = aKey();
        assertThatThrownBy(() -> unitOfWork().run(() -> {
            records().claim(msp, key, BODY, T0);
            records().complete(msp, key, CREATED);
            throw new IllegalStateException("the request failed");
        })).hasMessage("the request failed");

        assertThat(claimed(msp, key, BODY, T0, CREATED)).isInstanceOf(Claim.Claimed.class);
    }

    @Test
    void aClaimWaitsForTheUnitOfWorkHoldingTheKeyAndThenSeesItsAnswer() throws Exception {
        MspId msp = storedMsp();
        String key = aKey();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<Claim> first = threads.submit(() -> unitOfWork().inTransaction(() -> {
                Claim claim = records().claim(msp, key, BODY, T0);
                holding.countDown();
                await(finish);
                records().complete(msp, key, CREATED);
                return claim;
            }));
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Claim> retry = threads.submit(() -> claimed(msp, key, BODY, T0, CREATED));
            Thread.sleep(200);
            assertThat(retry.isDone()).as("the retry waits for the first request").isFalse();
            finish.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS)).isInstanceOf(Claim.Claimed.class);
            assertThat(retry.get(30, TimeUnit.SECONDS)).isInstanceOfSatisfying(Claim.Taken.class,
                    t -> assertThat(t.answer()).isEqualTo(CREATED));
        }
    }

    @Test
    void aClaimWaitingForAUnitOfWorkThatRollsBackGetsTheKey() throws Exception {
        MspId msp = storedMsp();
        String key = aKey();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch fail = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<?> first = threads.submit(() -> unitOfWork().run(() -> {
                records().claim(msp, key, BODY, T0);
                holding.countDown();
                await(fail);
                throw new IllegalStateException("its instance died");
            }));
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Claim> retry = threads.submit(() -> claimed(msp, key, BODY, T0, CREATED));
            Thread.sleep(200);
            fail.countDown();

            assertThatThrownBy(() -> first.get(30, TimeUnit.SECONDS)).hasRootCauseMessage("its instance died");
            assertThat(retry.get(30, TimeUnit.SECONDS)).isInstanceOf(Claim.Claimed.class);
        }
    }

    @Test
    void purgingForgetsOldKeysOnly() {
        MspId msp = storedMsp();
        String old = aKey();
        String recent = aKey();
        claimed(msp, old, BODY, T0, CREATED);
        claimed(msp, recent, BODY, T0.plus(Duration.ofHours(2)), CREATED);

        assertThat(records().purgeOlderThan(T0.plus(Duration.ofHours(1)))).isGreaterThanOrEqualTo(1);

        assertThat(claimed(msp, old, BODY, T0, CREATED)).isInstanceOf(Claim.Claimed.class);
        assertThat(claimed(msp, recent, BODY, T0, CREATED)).isInstanceOf(Claim.Taken.class);
    }

    @Test
    void ofConcurrentClaimsExactlyOneWins() throws Exception {
        MspId msp = storedMsp();
        String key = aKey();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Claim>> claims = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Claim> claim = () -> {
                    start.await();
                    return claimed(msp, key, BODY, T0, CREATED);
                };
                claims.add(pool.submit(claim));
            }
            start.countDown();
            int won = 0;
            for (Future<Claim> claim : claims) {
                won += claim.get(60, TimeUnit.SECONDS) instanceof Claim.Claimed ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        }
    }

    @Test
    void claimsAreMadeInsideAUnitOfWorkOnly() {
        assertThatThrownBy(() -> records().claim(storedMsp(), aKey(), BODY, T0))
                .isInstanceOf(IllegalStateException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
