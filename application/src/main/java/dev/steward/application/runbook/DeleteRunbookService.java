package dev.steward.application.runbook;

import dev.steward.application.port.RunbookStore;
import dev.steward.application.port.StoredRunbook;
import dev.steward.application.port.UnitOfWork;
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
    public void delete(MspId msp, String id) {
        unitOfWork.run(() -> {
            StoredRunbook stored = RunbookLookup.require(runbooks, msp, id);
            runbooks.remove(msp, stored.id());
        });
    }
}
