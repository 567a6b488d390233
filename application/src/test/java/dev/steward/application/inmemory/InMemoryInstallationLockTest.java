package dev.steward.application.inmemory;

import dev.steward.application.port.InstallationLock;
import dev.steward.application.port.UnitOfWork;
import dev.steward.application.testkit.InstallationLockContract;

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
