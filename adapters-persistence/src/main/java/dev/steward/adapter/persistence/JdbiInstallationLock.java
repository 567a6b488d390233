package dev.steward.adapter.persistence;

import dev.steward.application.port.store.InstallationLock;
import jakarta.inject.Inject;

/**
 * The installation lock as a PostgreSQL transaction-level advisory lock: every instance on the database shares it,
 * and the server releases it when the transaction ends, even when the instance holding it dies.
 */
public final class JdbiInstallationLock implements InstallationLock {

    /** An arbitrary constant naming this lock among advisory locks ("steward" in ASCII, as a number). */
    private static final long KEY = 0x73746577617264L;

    private final JdbiUnitOfWork db;

    @Inject
    public JdbiInstallationLock(JdbiUnitOfWork db) {
        this.db = db;
    }

    @Override
    public void holdUntilTheWorkEnds() {
        db.requireTransaction("InstallationLock.holdUntilTheWorkEnds");
        db.withHandle(h -> h.createQuery("select pg_advisory_xact_lock(:key)::text").bind("key", KEY)
                .mapTo(String.class).one());
    }
}
