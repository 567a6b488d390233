package dev.steward.adapter.persistence;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Names;
import dev.steward.application.port.access.ApiTokenRepository;
import dev.steward.application.port.access.OperatorRepository;
import dev.steward.application.port.access.UserRepository;
import dev.steward.application.port.access.WebSessionRepository;
import dev.steward.application.port.activity.ActivityLog;
import dev.steward.application.port.agent.ApprovalRepository;
import dev.steward.application.port.agent.SessionEffects;
import dev.steward.application.port.agent.SessionRepository;
import dev.steward.application.port.agent.WorkQueue;
import dev.steward.application.port.client.ClientMappings;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.port.integration.PendingAuthorizations;
import dev.steward.application.port.integration.SecretVault;
import dev.steward.application.port.reasoning.TokenLedger;
import dev.steward.application.port.reasoning.WorkflowStore;
import dev.steward.application.port.runtime.AgentCheckIns;
import dev.steward.application.port.runtime.AgentCredentials;
import dev.steward.application.port.runtime.AgentPlacements;
import dev.steward.application.port.runtime.InstanceRegistry;
import dev.steward.application.port.store.IdempotencyRecords;
import dev.steward.application.port.store.InstallationLock;
import dev.steward.application.port.store.StoreHealth;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.port.verification.IdentityVerifications;
import dev.steward.application.signin.CallerCheckedUnitOfWork;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * PostgreSQL as the system of record.
 *
 * <p>Binds: {@link UnitOfWork} named {@value CallerCheckedUnitOfWork#STORE} (to {@link JdbiUnitOfWork}; the core
 * wraps it), {@link ClientRepository}, {@link MspRepository}, {@link ActivityLog}, {@link IntegrationRepository},
 * {@link ClientMappings}, {@link IdentityVerifications}, {@link ApprovalRepository}, {@link WorkflowStore},
 * {@link AgentCredentials}, {@link AgentCheckIns}, {@link SessionRepository}, {@link UserRepository},
 * {@link WebSessionRepository}, {@link ApiTokenRepository}, {@link OperatorRepository}, {@link IdempotencyRecords},
 * {@link InstanceRegistry}, {@link AgentPlacements}, {@link InstallationLock}, {@link StoreHealth}, {@link WorkQueue},
 * {@link SessionEffects}, {@link TokenLedger}, {@link SecretVault} and {@link PendingAuthorizations} (secrets —
 * and approvals' original arguments — sealed with the key from the given {@link SecretKeySource}), and {@link Database}, {@link DataSource} and
 * {@link Jdbi} as singletons. The client and MSP stores keep one-second copies of hot reads
 * ({@link CachedClientRepository}, {@link CachedMspRepository}).
 * Needs a {@code java.time.Clock} from elsewhere.
 *
 * <p>The {@link Database} comes in open (embedded server started, pool created, schema migrated): whoever builds the
 * injector opens it first, so a store that cannot start is reported as itself rather than as a failed injection, and
 * closes it after everything that used it has stopped.
 */
public final class PersistenceModule extends AbstractModule {

    private final Database database;
    private final SecretKeySource secretKey;

    public PersistenceModule(Database database, SecretKeySource secretKey) {
        this.database = database;
        this.secretKey = secretKey;
    }

    @Override
    protected void configure() {
        bind(Database.class).toInstance(database);
        bind(JdbiUnitOfWork.class).in(Singleton.class);
        bind(UnitOfWork.class).annotatedWith(Names.named(CallerCheckedUnitOfWork.STORE)).to(JdbiUnitOfWork.class);
        bind(JdbiClientRepository.class).in(Singleton.class);
        bind(JdbiMspRepository.class).in(Singleton.class);
        bind(ClientRepository.class).to(CachedClientRepository.class).in(Singleton.class);
        bind(MspRepository.class).to(CachedMspRepository.class).in(Singleton.class);
        bind(ActivityLog.class).to(JdbiActivityLog.class).in(Singleton.class);
        bind(IntegrationRepository.class).to(JdbiIntegrationRepository.class).in(Singleton.class);
        bind(ClientMappings.class).to(JdbiClientMappings.class).in(Singleton.class);
        bind(IdentityVerifications.class).to(JdbiIdentityVerifications.class).in(Singleton.class);
        bind(ApprovalRepository.class).to(JdbiApprovalRepository.class).in(Singleton.class);
        bind(WorkflowStore.class).to(JdbiWorkflowStore.class).in(Singleton.class);
        bind(AgentCredentials.class).to(JdbiAgentCredentials.class).in(Singleton.class);
        bind(AgentCheckIns.class).to(JdbiAgentCheckIns.class).in(Singleton.class);
        bind(SessionRepository.class).to(JdbiSessionRepository.class).in(Singleton.class);
        bind(UserRepository.class).to(JdbiUserRepository.class).in(Singleton.class);
        bind(WebSessionRepository.class).to(JdbiWebSessionRepository.class).in(Singleton.class);
        bind(ApiTokenRepository.class).to(JdbiApiTokenRepository.class).in(Singleton.class);
        bind(OperatorRepository.class).to(JdbiOperatorRepository.class).in(Singleton.class);
        bind(IdempotencyRecords.class).to(JdbiIdempotencyRecords.class).in(Singleton.class);
        bind(SecretVault.class).to(JdbiSecretVault.class).in(Singleton.class);
        bind(PendingAuthorizations.class).to(JdbiPendingAuthorizations.class).in(Singleton.class);
        bind(InstanceRegistry.class).to(JdbiInstanceRegistry.class).in(Singleton.class);
        bind(AgentPlacements.class).to(JdbiAgentPlacements.class).in(Singleton.class);
        bind(InstallationLock.class).to(JdbiInstallationLock.class).in(Singleton.class);
        bind(StoreHealth.class).to(JdbiStoreHealth.class).in(Singleton.class);
        bind(WorkQueue.class).to(JdbiWorkQueue.class).in(Singleton.class);
        bind(SessionEffects.class).to(JdbiSessionEffects.class).in(Singleton.class);
        bind(TokenLedger.class).to(JdbiTokenLedger.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    SecretCipher secretCipher() {
        return SecretCipher.from(secretKey);
    }

    @Provides
    @Singleton
    DataSource dataSource(Database database) {
        return database.dataSource();
    }

    @Provides
    @Singleton
    Jdbi jdbi(Database database) {
        return database.jdbi();
    }
}
