package dev.steward.adapter.persistence;

/** The Jdbi stores on one unit of work, as PersistenceModule wires them. */
record JdbiStores(JdbiUnitOfWork unitOfWork, JdbiMspRepository msps, JdbiClientRepository clients,
                  JdbiActivityLog activity, JdbiIntegrationRepository integrations,
                  JdbiApprovalRepository approvals) {

    JdbiStores(JdbiUnitOfWork unitOfWork) {
        this(unitOfWork, new JdbiMspRepository(unitOfWork), new JdbiClientRepository(unitOfWork),
                new JdbiActivityLog(unitOfWork), new JdbiIntegrationRepository(unitOfWork),
                new JdbiApprovalRepository(unitOfWork));
    }
}
