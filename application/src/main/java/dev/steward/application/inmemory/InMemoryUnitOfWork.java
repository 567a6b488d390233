package dev.steward.application.inmemory;

import dev.steward.application.port.store.UnitOfWork;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Transactions for the in-memory stores: each store registers an undo action for every write, run in reverse when
 * the work throws, and claims are held until the work ends. Gives the same all-or-nothing and claim behaviour as a
 * database transaction, without isolation of reads (in-memory stores are for one process, tests and embedding).
 */
public final class InMemoryUnitOfWork implements UnitOfWork {

    private final ThreadLocal<Transaction> current = new ThreadLocal<>();
    private final Set<Object> claimed = ConcurrentHashMap.newKeySet();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        Transaction tx = new Transaction();
        current.set(tx);
        T result;
        try {
            result = work.get();
            tx.undo.clear();
        } catch (RuntimeException | Error e) {
            tx.rollback();
            throw e;
        } finally {
            current.remove();
            tx.claims.forEach(claimed::remove);
        }
        tx.committed.forEach(Runnable::run);
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        Transaction tx = current.get();
        if (tx == null) {
            action.run();
        } else {
            tx.committed.add(action);
        }
    }

    /** Records how to reverse a write made in the current transaction (ignored outside one). */
    void onRollback(Runnable undo) {
        Transaction tx = current.get();
        if (tx != null) {
            tx.undo.push(undo);
        }
    }

    /** Claims {@code key} until the current transaction ends; false if another transaction holds it. */
    boolean claim(Object key) {
        Transaction tx = current.get();
        if (tx == null) {
            throw new IllegalStateException("claims are taken inside UnitOfWork.inTransaction");
        }
        if (tx.claims.contains(key)) {
            return true;
        }
        if (!claimed.add(key)) {
            return false;
        }
        tx.claims.add(key);
        return true;
    }

    /** Whether this thread is inside a transaction. */
    boolean inTransaction() {
        return current.get() != null;
    }

    /** Claims {@code key} until the current transaction ends, waiting while another transaction holds it. */
    void awaitClaim(Object key) {
        while (!claim(key)) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + key, e);
            }
        }
    }

    private static final class Transaction {
        private final Deque<Runnable> undo = new ArrayDeque<>();
        private final List<Object> claims = new ArrayList<>();
        private final List<Runnable> committed = new ArrayList<>();

        void rollback() {
            while (!undo.isEmpty()) {
                undo.pop().run();
            }
        }
    }
}
