package dev.steward.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.steward.application.activity.ListActivityService;
import dev.steward.application.activity.ListActivityUseCase;
import dev.steward.application.approval.DecideApprovalService;
import dev.steward.application.approval.DecideApprovalUseCase;
import dev.steward.application.approval.ListApprovalsService;
import dev.steward.application.approval.ListApprovalsUseCase;
import dev.steward.application.integration.ConnectIntegrationService;
import dev.steward.application.integration.ConnectIntegrationUseCase;
import dev.steward.application.integration.DisconnectIntegrationService;
import dev.steward.application.integration.DisconnectIntegrationUseCase;
import dev.steward.application.integration.GetIntegrationService;
import dev.steward.application.integration.GetIntegrationUseCase;
import dev.steward.application.integration.IntegrationKinds;
import dev.steward.application.integration.ListIntegrationKindsService;
import dev.steward.application.integration.ListIntegrationKindsUseCase;
import dev.steward.application.integration.ListIntegrationsService;
import dev.steward.application.integration.ListIntegrationsUseCase;
import dev.steward.application.integration.ReconnectIntegrationsService;
import dev.steward.application.integration.ReconnectIntegrationsUseCase;
import dev.steward.application.integration.SetToolPolicyService;
import dev.steward.application.integration.SetToolPolicyUseCase;
import dev.steward.application.agent.AgentGatewayService;
import dev.steward.application.agentloop.AgentLoop;
import dev.steward.application.agentloop.ToolGateway;
import dev.steward.application.inmemory.InMemoryToolExecutor;
import dev.steward.application.port.ToolExecutor;
import dev.steward.application.ticket.IntakeTicketService;
import dev.steward.application.ticket.IntakeTicketUseCase;
import dev.steward.application.ticket.PollTicketsService;
import dev.steward.application.ticket.PollTicketsUseCase;
import dev.steward.application.ticket.ReceiveTicketWebhookService;
import dev.steward.application.ticket.ReceiveTicketWebhookUseCase;
import dev.steward.application.agent.AgentGatewayUseCase;
import dev.steward.application.client.CreateClientService;
import dev.steward.application.client.CreateClientUseCase;
import dev.steward.application.client.DeleteClientService;
import dev.steward.application.client.DeleteClientUseCase;
import dev.steward.application.client.GetClientService;
import dev.steward.application.client.GetClientUseCase;
import dev.steward.application.client.ListClientsService;
import dev.steward.application.client.ListClientsUseCase;
import dev.steward.application.client.ListStatusHistoryService;
import dev.steward.application.client.ListStatusHistoryUseCase;
import dev.steward.application.client.RetryProvisioningService;
import dev.steward.application.client.RetryProvisioningUseCase;
import dev.steward.application.diagnostics.GetDiagnosticsService;
import dev.steward.application.diagnostics.GetDiagnosticsUseCase;
import dev.steward.application.inmemory.TimeOrderedIdGenerator;
import dev.steward.application.mode.ChangeDefaultModeService;
import dev.steward.application.mode.ChangeDefaultModeUseCase;
import dev.steward.application.mode.ChangeOperatingModeService;
import dev.steward.application.mode.ChangeOperatingModeUseCase;
import dev.steward.application.msp.GetMspService;
import dev.steward.application.msp.GetMspUseCase;
import dev.steward.application.msp.ListMspsService;
import dev.steward.application.msp.ListMspsUseCase;
import dev.steward.application.psa.MapClientToPsaService;
import dev.steward.application.psa.MapClientToPsaUseCase;
import dev.steward.application.runbook.DeleteRunbookService;
import dev.steward.application.runbook.DeleteRunbookUseCase;
import dev.steward.application.runbook.ListRunbooksService;
import dev.steward.application.runbook.ListRunbooksUseCase;
import dev.steward.application.runbook.SaveRunbookService;
import dev.steward.application.runbook.SaveRunbookUseCase;
import dev.steward.application.signin.ApiTokensService;
import dev.steward.application.signin.ApiTokensUseCase;
import dev.steward.application.signin.AuthenticateService;
import dev.steward.application.signin.AuthenticateUseCase;
import dev.steward.application.signin.CreateUserService;
import dev.steward.application.signin.CreateUserUseCase;
import dev.steward.application.signin.FirstRunService;
import dev.steward.application.signin.FirstRunUseCase;
import dev.steward.application.signin.RecentCallers;
import dev.steward.application.signin.SignInService;
import dev.steward.application.signin.SignInUseCase;
import dev.steward.application.msp.RegisterMspService;
import dev.steward.application.msp.RegisterMspUseCase;
import dev.steward.application.port.IdGenerator;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.prompt.EditClientPromptService;
import dev.steward.application.prompt.EditClientPromptUseCase;
import dev.steward.application.prompt.EditMspPromptService;
import dev.steward.application.prompt.EditMspPromptUseCase;
import dev.steward.application.prompt.PreviewPromptService;
import dev.steward.application.prompt.PreviewPromptUseCase;
import dev.steward.application.provisioning.ProvisioningLoop;
import dev.steward.application.ticket.TicketPollingLoop;
import dev.steward.application.provisioning.ProvisioningLoop.ReconcilerTiming;
import dev.steward.application.provisioning.ProvisioningReconciler;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;

/**
 * The application core: every use case bound to its service, the reconciler and its loop, the clock, ids and the
 * validator. Needs from other modules: the stores ({@code ClientRepository}, {@code MspRepository},
 * {@code UnitOfWork}, {@code SecretVault}, ...), an {@code AgentRuntime}, a {@code Reasoner} and the
 * {@code Set<IntegrationCatalog>} multibinder (PsaModule adds to it).
 */
final class CoreModule extends AbstractModule {

    private final StewardConfig config;

    CoreModule(StewardConfig config) {
        this.config = config;
    }

    @Override
    protected void configure() {
        bind(CreateClientUseCase.class).to(CreateClientService.class);
        bind(ListClientsUseCase.class).to(ListClientsService.class);
        bind(GetClientUseCase.class).to(GetClientService.class);
        bind(DeleteClientUseCase.class).to(DeleteClientService.class);
        bind(ListStatusHistoryUseCase.class).to(ListStatusHistoryService.class);
        bind(RetryProvisioningUseCase.class).to(RetryProvisioningService.class);
        bind(ChangeOperatingModeUseCase.class).to(ChangeOperatingModeService.class);
        bind(ChangeDefaultModeUseCase.class).to(ChangeDefaultModeService.class);
        bind(EditClientPromptUseCase.class).to(EditClientPromptService.class);
        bind(EditMspPromptUseCase.class).to(EditMspPromptService.class);
        bind(PreviewPromptUseCase.class).to(PreviewPromptService.class);
        bind(RegisterMspUseCase.class).to(RegisterMspService.class);
        bind(GetMspUseCase.class).to(GetMspService.class);
        bind(ListMspsUseCase.class).to(ListMspsService.class);
        bind(MapClientToPsaUseCase.class).to(MapClientToPsaService.class);
        bind(ListRunbooksUseCase.class).to(ListRunbooksService.class);
        bind(SaveRunbookUseCase.class).to(SaveRunbookService.class);
        bind(DeleteRunbookUseCase.class).to(DeleteRunbookService.class);
        // one instance: it holds the sign-in throttle's counts
        bind(SignInUseCase.class).to(SignInService.class).in(Singleton.class);
        bind(AuthenticateUseCase.class).to(AuthenticateService.class);
        bind(RecentCallers.class).in(Singleton.class);
        bind(CreateUserUseCase.class).to(CreateUserService.class);
        bind(FirstRunUseCase.class).to(FirstRunService.class);
        bind(ApiTokensUseCase.class).to(ApiTokensService.class);
        bind(AgentGatewayUseCase.class).to(AgentGatewayService.class);
        bind(GetDiagnosticsUseCase.class).to(GetDiagnosticsService.class);
        bind(ListActivityUseCase.class).to(ListActivityService.class);
        bind(IntakeTicketUseCase.class).to(IntakeTicketService.class);
        bind(IntakeTicketService.class);
        bind(PollTicketsUseCase.class).to(PollTicketsService.class);
        bind(ReceiveTicketWebhookUseCase.class).to(ReceiveTicketWebhookService.class);
        bind(ListIntegrationKindsUseCase.class).to(ListIntegrationKindsService.class);
        bind(ListIntegrationsUseCase.class).to(ListIntegrationsService.class);
        bind(GetIntegrationUseCase.class).to(GetIntegrationService.class);
        bind(ConnectIntegrationUseCase.class).to(ConnectIntegrationService.class);
        bind(DisconnectIntegrationUseCase.class).to(DisconnectIntegrationService.class);
        bind(SetToolPolicyUseCase.class).to(SetToolPolicyService.class);
        bind(ReconnectIntegrationsUseCase.class).to(ReconnectIntegrationsService.class);
        bind(IntegrationKinds.class).in(Singleton.class);
        bind(ListApprovalsUseCase.class).to(ListApprovalsService.class);
        bind(DecideApprovalUseCase.class).to(DecideApprovalService.class);
        bind(AgentLoop.class);
        bind(ToolGateway.class);
        // No tool integration (Microsoft 365, Hudu, ...) executes tools yet: every call reports the tool as
        // unavailable, and the gateway records it. Replaced when the first tool adapter lands.
        bind(ToolExecutor.class).to(InMemoryToolExecutor.class).in(Singleton.class);

        bind(IdGenerator.class).to(TimeOrderedIdGenerator.class).in(Singleton.class);
        bind(CommandValidator.class).in(Singleton.class);
        bind(ProvisioningReconciler.class).in(Singleton.class);
        bind(ProvisioningLoop.class).in(Singleton.class);
        bind(TicketPollingLoop.class).in(Singleton.class);
        bind(TicketPollingLoop.PollingPeriod.class).toInstance(new TicketPollingLoop.PollingPeriod(config.psaPoll()));
        bind(ReconcilerTiming.class).toInstance(new ReconcilerTiming(config.reconcileDue(), config.reconcileFull()));
        bind(Clock.class).toInstance(Clock.systemUTC());
    }

    @Provides
    @Singleton
    Validator validator() {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            return factory.getValidator();
        }
    }
}
