package dev.steward.application.runbook;

import dev.steward.application.port.RunbookStore;
import dev.steward.application.port.StoredRunbook;
import dev.steward.application.port.UnitOfWork;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;

public final class DeleteRunbookService implements DeleteRunbookUseCase {

    private final RunbookStore runbooks;
    private final UnitOfWork unitOfWork;

    @Inject
    public DeleteRunbookService(RunbookStore runbooks, UnitOfWork unitOfWork) {
        this.runbooks = runbooks;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void delete(MspId msp, UserRole role, String id) {
        unitOfWork.run(() -> {
            StoredRunbook stored = RunbookLookup.require(runbooks, msp, id);
            RunbookLookup.permissionFor(stored.client()).require(role);
            runbooks.remove(msp, stored.id());
        });
    }
}
