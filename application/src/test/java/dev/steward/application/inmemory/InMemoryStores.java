package dev.steward.application.inmemory;

/** One set of in-memory stores sharing a unit of work, as the in-memory wiring builds them. */
final class InMemoryStores {

    final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    final InMemoryMspRepository msps = new InMemoryMspRepository(unitOfWork);
    final InMemoryClientRepository clients = new InMemoryClientRepository(unitOfWork);
    final InMemoryActivityLog activity = new InMemoryActivityLog();
    final InMemoryIntegrationRepository integrations = new InMemoryIntegrationRepository(unitOfWork);
    final InMemoryClientMappings mappings = new InMemoryClientMappings(unitOfWork);
    final InMemoryIdentityVerifications verifications = new InMemoryIdentityVerifications();
    final InMemoryApprovalRepository approvals = new InMemoryApprovalRepository(unitOfWork);
    final InMemoryWorkflowStore workflows = new InMemoryWorkflowStore(unitOfWork);
    final InMemoryWorkQueue work = new InMemoryWorkQueue(unitOfWork);
    final InMemorySessionEffects effects = new InMemorySessionEffects(unitOfWork);
    final InMemoryTokenLedger ledger = new InMemoryTokenLedger();
}
