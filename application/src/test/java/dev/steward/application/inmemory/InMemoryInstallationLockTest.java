package dev.steward.application.inmemory;

import dev.steward.application.port.store.InstallationLock;
import dev.steward.application.port.store.InstallationLockContract;
import dev.steward.application.port.store.UnitOfWork;

class InMemoryInstallationLockTest extends InstallationLockContract {

    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryInstallationLock lock = new InMemoryInstallationLock(unitOfWork);

    @Override
    protected InstallationLock lock() {
        return lock;
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }
}
