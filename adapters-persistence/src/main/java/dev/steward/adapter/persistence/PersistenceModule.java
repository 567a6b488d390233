package dev.steward.adapter.persistence;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.steward.application.port.ActivityLog;
import dev.steward.application.port.AgentCheckIns;
import dev.steward.application.port.AgentCredentials;
import dev.steward.application.port.ApprovalRepository;
import dev.steward.application.port.ClientRepository;
import dev.steward.application.port.IntegrationRepository;
import dev.steward.application.port.MspRepository;
import dev.steward.application.port.RunbookStore;
import dev.steward.application.port.SecretVault;
import dev.steward.application.port.SessionRepository;
import dev.steward.application.port.UserRepository;
import dev.steward.application.port.WebSessionRepository;
import dev.steward.application.port.ApiTokenRepository;
import dev.steward.application.port.IdempotencyRecords;
import dev.steward.application.port.UnitOfWork;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * PostgreSQL as the system of record.
 *
 * <p>Binds: {@link UnitOfWork} (to {@link JdbiUnitOfWork}), {@link ClientRepository}, {@link MspRepository},
 * {@link ActivityLog}, {@link IntegrationRepository}, {@link ApprovalRepository}, {@link RunbookStore},
 * {@link AgentCredentials}, {@link AgentCheckIns}, {@link SessionRepository}, {@link UserRepository},
 * {@link WebSessionRepository}, {@link ApiTokenRepository}, {@link IdempotencyRecords}, {@link SecretVault} (secrets
 * sealed with the key from the given {@link SecretKeySource}), and {@link Database}, {@link DataSource} and
 * {@link Jdbi} as singletons. The client and MSP stores keep one-second copies of hot reads
 * ({@link CachedClientRepository}, {@link CachedMspRepository}).
 * Needs a {@code java.time.Clock} from elsewhere.
 *
 * <p>The {@link Database} is opened (embedded server started, pool created, schema migrated) when it is first
 * injected; whoever builds the injector closes it on shutdown: {@code injector.getInstance(Database.class).close()}.
 */
public final class PersistenceModule extends AbstractModule {

    private final PersistenceSettings settings;
    private final SecretKeySource secretKey;

    public PersistenceModule(PersistenceSettings settings, SecretKeySource secretKey) {
        this.settings = settings;
        this.secretKey = secretKey;
    }

    @Override
    protected void configure() {
        bind(JdbiUnitOfWork.class).in(Singleton.class);
        bind(UnitOfWork.class).to(JdbiUnitOfWork.class);
        bind(JdbiClientRepository.class).in(Singleton.class);
        bind(JdbiMspRepository.class).in(Singleton.class);
        bind(ClientRepository.class).to(CachedClientRepository.class).in(Singleton.class);
        bind(MspRepository.class).to(CachedMspRepository.class).in(Singleton.class);
        bind(ActivityLog.class).to(JdbiActivityLog.class).in(Singleton.class);
        bind(IntegrationRepository.class).to(JdbiIntegrationRepository.class).in(Singleton.class);
        bind(ApprovalRepository.class).to(JdbiApprovalRepository.class).in(Singleton.class);
        bind(RunbookStore.class).to(JdbiRunbookStore.class).in(Singleton.class);
        bind(AgentCredentials.class).to(JdbiAgentCredentials.class).in(Singleton.class);
        bind(AgentCheckIns.class).to(JdbiAgentCheckIns.class).in(Singleton.class);
        bind(SessionRepository.class).to(JdbiSessionRepository.class).in(Singleton.class);
        bind(UserRepository.class).to(JdbiUserRepository.class).in(Singleton.class);
        bind(WebSessionRepository.class).to(JdbiWebSessionRepository.class).in(Singleton.class);
        bind(ApiTokenRepository.class).to(JdbiApiTokenRepository.class).in(Singleton.class);
        bind(IdempotencyRecords.class).to(JdbiIdempotencyRecords.class).in(Singleton.class);
        bind(SecretVault.class).to(JdbiSecretVault.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    SecretCipher secretCipher() {
        return SecretCipher.from(secretKey);
    }

    @Provides
    @Singleton
    Database database() {
        return Database.open(settings);
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
