package dev.steward.application.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicTaskTest {

    @Test
    void repeatsItsWorkUntilClosed() {
        AtomicInteger turns = new AtomicInteger();
        try (PeriodicTask task = PeriodicTask.every("test", Duration.ofMillis(5), turns::incrementAndGet)) {
            task.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> turns.get() >= 3);
        }
        int afterClose = turns.get();
        assertThat(turns.get()).as("no turn after close").isEqualTo(afterClose);
    }

    @Test
    void aFailingTurnIsLoggedAndTheTaskGoesOn() {
        AtomicInteger turns = new AtomicInteger();
        try (PeriodicTask task = PeriodicTask.every("test", Duration.ofMillis(5), () -> {
            if (turns.incrementAndGet() == 1) {
                throw new IllegalStateException("first turn fails");
            }
        })) {
            task.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> turns.get() >= 3);
            assertThat(task.running()).isTrue();
        }
    }

    @Test
    void aTurnCanEndTheTaskAndAwaitReturnsThen() throws InterruptedException {
        AtomicInteger turns = new AtomicInteger();
        PeriodicTask task = PeriodicTask.paced("test", Duration.ofMillis(5),
                () -> turns.incrementAndGet() < 3 ? Optional.of(Duration.ofMillis(1)) : Optional.empty());
        task.start().await();
        assertThat(turns).hasValue(3);
        assertThat(task.running()).isFalse();
    }

    @Test
    void closeWakesAWaitingTaskAtOnceAndWaitsForATurnInProgress() throws InterruptedException {
        CountDownLatch inTurn = new CountDownLatch(1);
        AtomicBoolean turnFinished = new AtomicBoolean();
        PeriodicTask task = PeriodicTask.every("test", Duration.ofHours(1), () -> {
            inTurn.countDown();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            turnFinished.set(true);
        });
        task.start();
        assertThat(inTurn.await(10, TimeUnit.SECONDS)).isTrue();
        task.close();
        assertThat(turnFinished).as("close returned after the turn in progress").isTrue();
        assertThat(task.running()).isFalse();
    }

    @Test
    void cancelInterruptsATurnInProgressAndWaitsForItToEnd() throws InterruptedException {
        CountDownLatch inTurn = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        PeriodicTask task = PeriodicTask.every("test", Duration.ofMillis(5), () -> {
            inTurn.countDown();
            try {
                Thread.sleep(Duration.ofHours(1));
            } catch (InterruptedException e) {
                interrupted.set(true);
                Thread.currentThread().interrupt();
            }
        });
        task.start();
        assertThat(inTurn.await(10, TimeUnit.SECONDS)).isTrue();
        long cancelling = System.nanoTime();
        task.cancel();
        assertThat(Duration.ofNanos(System.nanoTime() - cancelling)).isLessThan(Duration.ofSeconds(5));
        assertThat(interrupted).as("the turn was interrupted").isTrue();
        assertThat(task.running()).isFalse();
    }

    @Test
    void aTaskClosedBeforeItStartedNeverRuns() throws InterruptedException {
        AtomicInteger turns = new AtomicInteger();
        PeriodicTask task = PeriodicTask.every("test", Duration.ofMillis(5), turns::incrementAndGet);
        task.close();
        task.start().await();
        assertThat(turns).hasValue(0);
    }

    @Test
    void refusesAPeriodThatIsNotPositive() {
        assertThatThrownBy(() -> PeriodicTask.every("test", Duration.ZERO, () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    @Test
    void aWakeStartsTheNextTurnAtOnceInsteadOfAfterThePeriod() {
        AtomicInteger turns = new AtomicInteger();
        try (PeriodicTask task = PeriodicTask.every("test", Duration.ofHours(1), turns::incrementAndGet)) {
            task.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> turns.get() == 1);
            task.wake();
            // an hour's period: only the wake can bring the second turn
            await().atMost(Duration.ofSeconds(10)).until(() -> turns.get() == 2);
        }
    }

    @Test
    void aWakeDuringATurnRunsOneMoreTurnRightAfterIt() throws InterruptedException {
        CountDownLatch inFirstTurn = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger turns = new AtomicInteger();
        try (PeriodicTask task = PeriodicTask.every("test", Duration.ofHours(1), () -> {
            if (turns.incrementAndGet() == 1) {
                inFirstTurn.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        })) {
            task.start();
            assertThat(inFirstTurn.await(10, TimeUnit.SECONDS)).isTrue();
            task.wake();
            task.wake(); // several wakes before the next turn make one turn
            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> turns.get() == 2);
            Thread.sleep(100);
            assertThat(turns).as("the two wakes made one turn").hasValue(2);
        }
    }
}
