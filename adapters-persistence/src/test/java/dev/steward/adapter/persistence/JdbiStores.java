package dev.steward.adapter.persistence;

import java.security.SecureRandom;

/** The Jdbi stores on one unit of work, as PersistenceModule wires them. */
record JdbiStores(JdbiUnitOfWork unitOfWork, JdbiMspRepository msps, JdbiClientRepository clients,
                  JdbiActivityLog activity, JdbiIntegrationRepository integrations,
                  JdbiApprovalRepository approvals, JdbiSessionRepository sessions) {

    JdbiStores(JdbiUnitOfWork unitOfWork) {
        this(unitOfWork, new JdbiMspRepository(unitOfWork), new JdbiClientRepository(unitOfWork),
                new JdbiActivityLog(unitOfWork), new JdbiIntegrationRepository(unitOfWork),
                new JdbiApprovalRepository(unitOfWork, new SecretCipher(newKey())),
                new JdbiSessionRepository(unitOfWork));
    }

    static byte[] newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
