package dev.steward.adapter.persistence;

import dev.steward.application.port.store.UnitOfWork;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * One PostgreSQL transaction per use case. The open transaction's {@link Handle} is kept in a thread-local, and every
 * Jdbi repository runs its statements on it ({@link #withHandle}); a nested {@link #inTransaction} joins it.
 *
 * <p>Why an explicit thread-local rather than Jdbi's on-demand SQL objects: the repositories are hand-written
 * (inline SQL, one row mapper each), the rule "nested calls join, claims live until the outermost call ends" is
 * visible in a few lines here, and a repository write called outside any unit of work still gets a transaction of
 * its own, so a multi-statement write (a client row plus its status changes) is never half done. Reads outside a
 * unit of work run without BEGIN/COMMIT ({@link #read}).
 */
public final class JdbiUnitOfWork implements UnitOfWork {

    private final Jdbi jdbi;
    private final ThreadLocal<Handle> current = new ThreadLocal<>();
    private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();

    @Inject
    public JdbiUnitOfWork(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        List<Runnable> committed = new ArrayList<>();
        T result = DatabaseErrors.translated(() -> jdbi.inTransaction(handle -> {
            current.set(handle);
            afterCommit.set(committed);
            try {
                return work.get();
            } finally {
                current.remove();
                afterCommit.remove();
            }
        }));
        committed.forEach(Runnable::run);
        return result;
    }

    /** Whether this thread is inside a transaction (reads there must see the database, never a cached copy). */
    boolean inTransaction() {
        return current.get() != null;
    }

    /**
     * Runs {@code action} once the current transaction has committed (nothing if it rolls back), or right away when
     * there is none: for keeping caches in step with what others can read, and for waking the reconciler.
     */
    @Override
    public void afterCommit(Runnable action) {
        List<Runnable> pending = afterCommit.get();
        if (pending == null) {
            action.run();
        } else {
            pending.add(action);
        }
    }

    /** Runs {@code callback} in the current transaction, or in a transaction of its own when there is none. */
    <T> T withHandle(HandleCallback<T, RuntimeException> callback) {
        Handle handle = current.get();
        if (handle != null) {
            return DatabaseErrors.translated(() -> callback.withHandle(handle));
        }
        return DatabaseErrors.translated(() -> jdbi.inTransaction(callback));
    }

    /**
     * Runs {@code callback} in a transaction of its own on another connection, even when this thread has one open: for
     * a record that must outlive whatever the caller does next (it commits before this returns).
     */
    <T> T apart(HandleCallback<T, RuntimeException> callback) {
        // Jdbi's own withHandle/inTransaction join a handle already open on this thread; open() never does
        return DatabaseErrors.translated(() -> {
            try (Handle handle = jdbi.open()) {
                return handle.inTransaction(callback);
            }
        });
    }

    /**
     * Runs a read in the current transaction, or on its own without one: a single read is atomic anyway, and
     * skipping BEGIN/COMMIT saves a round trip on the hottest paths (lists, activity pages).
     */
    <T> T read(HandleCallback<T, RuntimeException> callback) {
        Handle handle = current.get();
        if (handle != null) {
            return DatabaseErrors.translated(() -> callback.withHandle(handle));
        }
        return DatabaseErrors.translated(() -> jdbi.withHandle(callback));
    }

    /** Claims only make sense inside a transaction: they last until it ends. */
    void requireTransaction(String operation) {
        if (current.get() == null) {
            throw new IllegalStateException(operation + " must be called inside UnitOfWork.inTransaction");
        }
    }
}
