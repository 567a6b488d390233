package dev.steward.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.name.Names;
import dev.steward.application.inmemory.InMemoryActivityLog;
import dev.steward.application.inmemory.InMemoryAgentCheckIns;
import dev.steward.application.inmemory.InMemoryAgentCredentials;
import dev.steward.application.inmemory.InMemoryAgentPlacements;
import dev.steward.application.inmemory.InMemoryApiTokenRepository;
import dev.steward.application.inmemory.InMemoryApprovalRepository;
import dev.steward.application.inmemory.InMemoryClientMappings;
import dev.steward.application.inmemory.InMemoryClientRepository;
import dev.steward.application.inmemory.InMemoryIdempotencyRecords;
import dev.steward.application.inmemory.InMemoryIdentityVerifications;
import dev.steward.application.inmemory.InMemoryInstallationLock;
import dev.steward.application.inmemory.InMemoryInstanceRegistry;
import dev.steward.application.inmemory.InMemoryIntegrationRepository;
import dev.steward.application.inmemory.InMemoryMspRepository;
import dev.steward.application.inmemory.InMemoryOperatorRepository;
import dev.steward.application.inmemory.InMemoryPendingAuthorizations;
import dev.steward.application.inmemory.InMemorySecretVault;
import dev.steward.application.inmemory.InMemorySessionEffects;
import dev.steward.application.inmemory.InMemorySessionRepository;
import dev.steward.application.inmemory.InMemoryStoreHealth;
import dev.steward.application.inmemory.InMemoryTokenLedger;
import dev.steward.application.inmemory.InMemoryUnitOfWork;
import dev.steward.application.inmemory.InMemoryUserRepository;
import dev.steward.application.inmemory.InMemoryWebSessionRepository;
import dev.steward.application.inmemory.InMemoryWorkQueue;
import dev.steward.application.inmemory.InMemoryWorkflowStore;
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

/** The application's in-memory stores (application cannot see Guice, so their module lives here). */
final class InMemoryModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(InMemoryUnitOfWork.class).in(Singleton.class);
        bind(UnitOfWork.class).annotatedWith(Names.named(CallerCheckedUnitOfWork.STORE)).to(InMemoryUnitOfWork.class);
        bind(ClientRepository.class).to(InMemoryClientRepository.class).in(Singleton.class);
        bind(MspRepository.class).to(InMemoryMspRepository.class).in(Singleton.class);
        bind(ActivityLog.class).to(InMemoryActivityLog.class).in(Singleton.class);
        bind(IntegrationRepository.class).to(InMemoryIntegrationRepository.class).in(Singleton.class);
        bind(ClientMappings.class).to(InMemoryClientMappings.class).in(Singleton.class);
        bind(IdentityVerifications.class).to(InMemoryIdentityVerifications.class).in(Singleton.class);
        bind(WorkflowStore.class).to(InMemoryWorkflowStore.class).in(Singleton.class);
        bind(ApprovalRepository.class).to(InMemoryApprovalRepository.class).in(Singleton.class);
        bind(AgentCredentials.class).to(InMemoryAgentCredentials.class).in(Singleton.class);
        bind(AgentCheckIns.class).to(InMemoryAgentCheckIns.class).in(Singleton.class);
        bind(SessionRepository.class).to(InMemorySessionRepository.class).in(Singleton.class);
        bind(UserRepository.class).to(InMemoryUserRepository.class).in(Singleton.class);
        bind(WebSessionRepository.class).to(InMemoryWebSessionRepository.class).in(Singleton.class);
        bind(ApiTokenRepository.class).to(InMemoryApiTokenRepository.class).in(Singleton.class);
        bind(OperatorRepository.class).to(InMemoryOperatorRepository.class).in(Singleton.class);
        bind(IdempotencyRecords.class).to(InMemoryIdempotencyRecords.class).in(Singleton.class);
        bind(PendingAuthorizations.class).to(InMemoryPendingAuthorizations.class).in(Singleton.class);
        bind(SecretVault.class).to(InMemorySecretVault.class).in(Singleton.class);
        bind(InMemoryInstanceRegistry.class).in(Singleton.class);
        bind(InstanceRegistry.class).to(InMemoryInstanceRegistry.class);
        bind(AgentPlacements.class).to(InMemoryAgentPlacements.class).in(Singleton.class);
        bind(InstallationLock.class).to(InMemoryInstallationLock.class).in(Singleton.class);
        bind(StoreHealth.class).to(InMemoryStoreHealth.class).in(Singleton.class);
        bind(WorkQueue.class).to(InMemoryWorkQueue.class).in(Singleton.class);
        bind(SessionEffects.class).to(InMemorySessionEffects.class).in(Singleton.class);
        bind(TokenLedger.class).to(InMemoryTokenLedger.class).in(Singleton.class);
    }
}
