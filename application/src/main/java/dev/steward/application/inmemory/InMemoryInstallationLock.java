package dev.steward.application.inmemory;

import dev.steward.application.port.store.InstallationLock;
import jakarta.inject.Inject;

/** The installation lock of an in-memory store: a claim of the {@link InMemoryUnitOfWork}, waited for. */
public final class InMemoryInstallationLock implements InstallationLock {

    private final InMemoryUnitOfWork unitOfWork;

    @Inject
    public InMemoryInstallationLock(InMemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void holdUntilTheWorkEnds() {
        if (!unitOfWork.inTransaction()) {
            throw new IllegalStateException("the installation lock is taken inside UnitOfWork.inTransaction");
        }
        unitOfWork.awaitClaim(InMemoryInstallationLock.class);
    }
}
