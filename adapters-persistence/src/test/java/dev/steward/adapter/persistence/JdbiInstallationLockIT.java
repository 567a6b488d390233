package dev.steward.adapter.persistence;

import dev.steward.application.port.store.InstallationLock;
import dev.steward.application.port.store.InstallationLockContract;
import dev.steward.application.port.store.UnitOfWork;

class JdbiInstallationLockIT extends InstallationLockContract {

    private final JdbiUnitOfWork unitOfWork = TestDatabase.stores().unitOfWork();
    private final JdbiInstallationLock lock = new JdbiInstallationLock(unitOfWork);

    @Override
    protected InstallationLock lock() {
        return lock;
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }
}
