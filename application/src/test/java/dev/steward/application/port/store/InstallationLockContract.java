package dev.steward.application.port.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.store.InstallationLock;
import dev.steward.application.port.store.UnitOfWork;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Every {@link InstallationLock} must pass this: one test per rule of the port's Javadoc. */
public abstract class InstallationLockContract {

    protected abstract InstallationLock lock();

    protected abstract UnitOfWork unitOfWork();

    @Test
    void twoHoldersNeverOverlap() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            Future<?>[] holders = new Future<?>[4];
            for (int i = 0; i < holders.length; i++) {
                holders[i] = threads.submit(() -> {
                    go.await();
                    unitOfWork().run(() -> {
                        lock().holdUntilTheWorkEnds();
                        mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        pause(30);
                        inside.decrementAndGet();
                    });
                    return null;
                });
            }
            go.countDown();
            for (Future<?> holder : holders) {
                holder.get(60, TimeUnit.SECONDS);
            }
        }
        assertThat(mostInside).as("holders inside at once").hasValue(1);
    }

    @Test
    void aRolledBackUnitOfWorkReleasesTheLock() throws Exception {
        assertThatThrownBy(() -> unitOfWork().run(() -> {
            lock().holdUntilTheWorkEnds();
            throw new IllegalStateException("the work failed");
        })).hasMessage("the work failed");
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            other.submit(() -> unitOfWork().run(() -> lock().holdUntilTheWorkEnds())).get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void takingItTwiceInOneUnitOfWorkDoesNothing() {
        unitOfWork().run(() -> {
            lock().holdUntilTheWorkEnds();
            lock().holdUntilTheWorkEnds();
        });
    }

    @Test
    void outsideAUnitOfWorkItIsRefused() {
        assertThatThrownBy(() -> lock().holdUntilTheWorkEnds()).isInstanceOf(IllegalStateException.class);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
