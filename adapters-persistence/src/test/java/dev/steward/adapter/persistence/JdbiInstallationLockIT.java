package dev.steward.adapter.persistence;

import dev.steward.application.port.InstallationLock;
import dev.steward.application.port.UnitOfWork;
import dev.steward.application.testkit.InstallationLockContract;

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
