package dev.steward.application.inmemory;

/** One set of in-memory stores sharing a unit of work, as the in-memory wiring builds them. */
final class InMemoryStores {

    final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    final InMemoryMspRepository msps = new InMemoryMspRepository(unitOfWork);
    final InMemoryClientRepository clients = new InMemoryClientRepository(unitOfWork);
    final InMemoryActivityLog activity = new InMemoryActivityLog();
    final InMemoryIntegrationRepository integrations = new InMemoryIntegrationRepository(unitOfWork);
    final InMemoryApprovalRepository approvals = new InMemoryApprovalRepository(unitOfWork);
    final InMemoryRunbookStore runbooks = new InMemoryRunbookStore(unitOfWork);
}
