package dev.steward.application.port.store;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.stability.Stable;
import java.util.function.Supplier;

/**
 * One transaction per use case. Everything the work does through repositories commits together or not at all;
 * claims taken inside ({@link ClientRepository#claim}) are released when it ends. A nested call joins the
 * transaction already open on this thread.
 */
@Stable
public interface UnitOfWork {

    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs {@code action} once the transaction open on this thread has committed, and never if it rolls back; right
     * away when none is open. For telling others (a background loop) about a change only when they can read it. The
     * default runs it at once, which suits a store whose writes are visible before they commit.
     */
    default void afterCommit(Runnable action) {
        action.run();
    }

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
