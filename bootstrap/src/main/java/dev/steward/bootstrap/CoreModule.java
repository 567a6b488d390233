package dev.steward.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.steward.application.activity.ListActivityService;
import dev.steward.application.activity.ListActivityUseCase;
import dev.steward.application.agent.AgentApi;
import dev.steward.application.agent.AgentGatewayService;
import dev.steward.application.agent.AgentGatewayUseCase;
import dev.steward.application.agent.AgentReasoning;
import dev.steward.application.agent.AgentWorkService;
import dev.steward.application.agent.AgentWorkUseCase;
import dev.steward.application.agent.CallModelService;
import dev.steward.application.agent.CallModelUseCase;
import dev.steward.application.agent.CallToolService;
import dev.steward.application.agent.CallToolUseCase;
import dev.steward.application.agent.HandoffStatus;
import dev.steward.application.agent.PostToTicketService;
import dev.steward.application.agent.PostToTicketUseCase;
import dev.steward.application.agent.WorkArrivals;
import dev.steward.application.agent.WorkTiming;
import dev.steward.application.agent.message.AgentConfiguration;
import dev.steward.application.agentloop.RevealedValues;
import dev.steward.application.agentloop.ToolGateway;
import dev.steward.application.approval.ApprovalExpiryLoop;
import dev.steward.application.approval.ApprovalTimeout;
import dev.steward.application.approval.DecideApprovalService;
import dev.steward.application.approval.DecideApprovalUseCase;
import dev.steward.application.approval.ExpireApprovalsService;
import dev.steward.application.approval.ExpireApprovalsUseCase;
import dev.steward.application.approval.ListApprovalsService;
import dev.steward.application.approval.ListApprovalsUseCase;
import dev.steward.application.approval.ListWaitingValuesService;
import dev.steward.application.approval.ListWaitingValuesUseCase;
import dev.steward.application.approval.RevealValuesService;
import dev.steward.application.approval.RevealValuesUseCase;
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
import dev.steward.application.client.SummarizeClientActivityService;
import dev.steward.application.client.SummarizeClientActivityUseCase;
import dev.steward.application.diagnostics.GetDiagnosticsService;
import dev.steward.application.diagnostics.GetDiagnosticsUseCase;
import dev.steward.application.dryrun.DryRunService;
import dev.steward.application.dryrun.DryRunUseCase;
import dev.steward.application.health.CheckReadinessService;
import dev.steward.application.health.CheckReadinessUseCase;
import dev.steward.application.id.TimeOrderedIdGenerator;
import dev.steward.application.idempotency.AnswerOnceService;
import dev.steward.application.idempotency.AnswerOnceUseCase;
import dev.steward.application.integration.AuthorizeIntegrationService;
import dev.steward.application.integration.AuthorizeIntegrationUseCase;
import dev.steward.application.integration.BrowseDirectoryService;
import dev.steward.application.integration.BrowseDirectoryUseCase;
import dev.steward.application.integration.ConnectIntegrationService;
import dev.steward.application.integration.ConnectIntegrationUseCase;
import dev.steward.application.integration.DisconnectIntegrationService;
import dev.steward.application.integration.DisconnectIntegrationUseCase;
import dev.steward.application.integration.FindImportedCompaniesService;
import dev.steward.application.integration.FindImportedCompaniesUseCase;
import dev.steward.application.integration.GetIntegrationService;
import dev.steward.application.integration.GetIntegrationUseCase;
import dev.steward.application.integration.ImportPsaCompaniesService;
import dev.steward.application.integration.ImportPsaCompaniesUseCase;
import dev.steward.application.integration.ListClientMappingsService;
import dev.steward.application.integration.ListClientMappingsUseCase;
import dev.steward.application.integration.ListIntegrationKindsService;
import dev.steward.application.integration.ListIntegrationKindsUseCase;
import dev.steward.application.integration.ListIntegrationsService;
import dev.steward.application.integration.ListIntegrationsUseCase;
import dev.steward.application.integration.MapClientService;
import dev.steward.application.integration.MapClientUseCase;
import dev.steward.application.integration.MarkToolSensitiveService;
import dev.steward.application.integration.MarkToolSensitiveUseCase;
import dev.steward.application.integration.ReconnectIntegrationsService;
import dev.steward.application.integration.ReconnectIntegrationsUseCase;
import dev.steward.application.integration.RefreshIntegrationToolsService;
import dev.steward.application.integration.RefreshIntegrationToolsUseCase;
import dev.steward.application.integration.RenewedSecrets;
import dev.steward.application.integration.SetToolPolicyService;
import dev.steward.application.integration.SetToolPolicyUseCase;
import dev.steward.application.lifecycle.InstancePresence;
import dev.steward.application.lifecycle.Lifecycle;
import dev.steward.application.metrics.MetricsSampler;
import dev.steward.application.mode.ChangeDefaultModeService;
import dev.steward.application.mode.ChangeDefaultModeUseCase;
import dev.steward.application.mode.ChangeOperatingModeService;
import dev.steward.application.mode.ChangeOperatingModeUseCase;
import dev.steward.application.msp.GetMspService;
import dev.steward.application.msp.GetMspUseCase;
import dev.steward.application.msp.ListMspsService;
import dev.steward.application.msp.ListMspsUseCase;
import dev.steward.application.msp.RegisterMspService;
import dev.steward.application.msp.RegisterMspUseCase;
import dev.steward.application.operator.OperatorCredentialsService;
import dev.steward.application.operator.OperatorCredentialsUseCase;
import dev.steward.application.operator.OperatorMspsService;
import dev.steward.application.operator.OperatorMspsUseCase;
import dev.steward.application.port.agent.ToolExecutor;
import dev.steward.application.port.psa.PsaWebhooks;
import dev.steward.application.port.psa.TicketSystems;
import dev.steward.application.port.reasoning.LanguageModel;
import dev.steward.application.port.store.IdGenerator;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.port.verification.IdentityPushes;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.prompt.EditClientPromptService;
import dev.steward.application.prompt.EditClientPromptUseCase;
import dev.steward.application.prompt.EditMspPromptService;
import dev.steward.application.prompt.EditMspPromptUseCase;
import dev.steward.application.prompt.PreviewPromptService;
import dev.steward.application.prompt.PreviewPromptUseCase;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.application.provider.LiveIntegrations;
import dev.steward.application.provisioning.LivenessJudge;
import dev.steward.application.provisioning.ProvisioningLoop;
import dev.steward.application.provisioning.ProvisioningLoop.ReconcilerTiming;
import dev.steward.application.provisioning.ProvisioningReconciler;
import dev.steward.application.provisioning.ProvisioningWakeUp;
import dev.steward.application.psa.MapClientToPsaService;
import dev.steward.application.psa.MapClientToPsaUseCase;
import dev.steward.application.signin.ApiTokensService;
import dev.steward.application.signin.ApiTokensUseCase;
import dev.steward.application.signin.AuthenticateService;
import dev.steward.application.signin.AuthenticateUseCase;
import dev.steward.application.signin.CallerCheckedUnitOfWork;
import dev.steward.application.signin.ChangingCaller;
import dev.steward.application.signin.CreateUserService;
import dev.steward.application.signin.CreateUserUseCase;
import dev.steward.application.signin.FirstRunService;
import dev.steward.application.signin.FirstRunUseCase;
import dev.steward.application.signin.IdleTimeout;
import dev.steward.application.signin.RecentCallers;
import dev.steward.application.signin.SignInService;
import dev.steward.application.signin.SignInUseCase;
import dev.steward.application.spi.ProviderContext;
import dev.steward.application.ticket.IntakeTicketService;
import dev.steward.application.ticket.IntakeTicketUseCase;
import dev.steward.application.ticket.PollTicketsService;
import dev.steward.application.ticket.PollTicketsUseCase;
import dev.steward.application.ticket.ReceiveTicketWebhookService;
import dev.steward.application.ticket.ReceiveTicketWebhookUseCase;
import dev.steward.application.ticket.TicketPollingLoop;
import dev.steward.application.ticket.WebhookRate;
import dev.steward.application.usage.GetClientUsageService;
import dev.steward.application.usage.GetClientUsageUseCase;
import dev.steward.application.usage.GetTokenBudgetService;
import dev.steward.application.usage.GetTokenBudgetUseCase;
import dev.steward.application.usage.SetTokenBudgetService;
import dev.steward.application.usage.SetTokenBudgetUseCase;
import dev.steward.application.user.ManageUsersService;
import dev.steward.application.user.ManageUsersUseCase;
import dev.steward.application.user.PasswordsService;
import dev.steward.application.user.PasswordsUseCase;
import dev.steward.application.verification.ConfirmIdentityService;
import dev.steward.application.verification.ConfirmIdentityUseCase;
import dev.steward.application.verification.GetIdentityStatusService;
import dev.steward.application.verification.GetIdentityStatusUseCase;
import dev.steward.application.workflow.ChangeWorkflowStatusService;
import dev.steward.application.workflow.ChangeWorkflowStatusUseCase;
import dev.steward.application.workflow.CreateWorkflowService;
import dev.steward.application.workflow.CreateWorkflowUseCase;
import dev.steward.application.workflow.EditWorkflowService;
import dev.steward.application.workflow.EditWorkflowUseCase;
import dev.steward.application.workflow.GetWorkflowService;
import dev.steward.application.workflow.GetWorkflowUseCase;
import dev.steward.application.workflow.ListWorkflowsService;
import dev.steward.application.workflow.ListWorkflowsUseCase;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;

/**
 * The application core: every use case bound to its service (the agent API's among them, and {@code AgentApi}
 * bundling those), the reconciler and its loop, the approval expiry loop, the clock, ids and the validator, and an
 * optional {@code LanguageModel} (set by the model's module); the background loops join the {@code Set<Lifecycle>}
 * multibinder, which every module may add to. Needs from other modules: the stores ({@code ClientRepository},
 * {@code MspRepository}, {@code UnitOfWork}, {@code SecretVault}, {@code ClientMappings}, {@code WorkQueue},
 * {@code SessionEffects}, {@code TokenLedger}, ...), an {@code AgentRuntime} and the
 * {@code Map<String, IntegrationProvider>} of ProviderModule. {@code LiveIntegrations} (the open connections) serves as
 * {@code TicketSystems}, {@code PsaWebhooks} and {@code ToolExecutor}.
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
        bind(SummarizeClientActivityUseCase.class).to(SummarizeClientActivityService.class);
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
        bind(ListWorkflowsUseCase.class).to(ListWorkflowsService.class);
        bind(GetWorkflowUseCase.class).to(GetWorkflowService.class);
        bind(CreateWorkflowUseCase.class).to(CreateWorkflowService.class);
        bind(EditWorkflowUseCase.class).to(EditWorkflowService.class);
        bind(ChangeWorkflowStatusUseCase.class).to(ChangeWorkflowStatusService.class);
        // one instance: it holds the sign-in throttle's counts
        bind(SignInUseCase.class).to(SignInService.class).in(Singleton.class);
        bind(AuthenticateUseCase.class).to(AuthenticateService.class);
        bind(RecentCallers.class).in(Singleton.class);
        bind(ChangingCaller.class).in(Singleton.class);
        // the services' unit of work re-checks a changing request's credential; the store binds its own as "store"
        bind(UnitOfWork.class).to(CallerCheckedUnitOfWork.class).in(Singleton.class);
        bind(CreateUserUseCase.class).to(CreateUserService.class);
        bind(FirstRunUseCase.class).to(FirstRunService.class);
        bind(ApiTokensUseCase.class).to(ApiTokensService.class);
        bind(ManageUsersUseCase.class).to(ManageUsersService.class);
        bind(PasswordsUseCase.class).to(PasswordsService.class);
        bind(OperatorCredentialsUseCase.class).to(OperatorCredentialsService.class);
        bind(OperatorMspsUseCase.class).to(OperatorMspsService.class);
        bind(AgentGatewayUseCase.class).to(AgentGatewayService.class);
        bind(GetDiagnosticsUseCase.class).to(GetDiagnosticsService.class);
        bind(ListActivityUseCase.class).to(ListActivityService.class);
        bind(IntakeTicketUseCase.class).to(IntakeTicketService.class);
        bind(PollTicketsUseCase.class).to(PollTicketsService.class);
        // one instance: it holds the per-MSP delivery rates and the recently accepted deliveries
        bind(ReceiveTicketWebhookUseCase.class).to(ReceiveTicketWebhookService.class).in(Singleton.class);
        bind(ListIntegrationKindsUseCase.class).to(ListIntegrationKindsService.class);
        bind(ListIntegrationsUseCase.class).to(ListIntegrationsService.class);
        bind(GetIntegrationUseCase.class).to(GetIntegrationService.class);
        bind(ConnectIntegrationUseCase.class).to(ConnectIntegrationService.class);
        bind(AuthorizeIntegrationUseCase.class).to(AuthorizeIntegrationService.class);
        // eager: it stores the tokens an MCP server's connection renews, from the first connection on
        bind(RenewedSecrets.class).asEagerSingleton();
        bind(DisconnectIntegrationUseCase.class).to(DisconnectIntegrationService.class);
        bind(SetToolPolicyUseCase.class).to(SetToolPolicyService.class);
        bind(MarkToolSensitiveUseCase.class).to(MarkToolSensitiveService.class);
        bind(ReconnectIntegrationsUseCase.class).to(ReconnectIntegrationsService.class);
        // eager: it listens for MCP servers announcing a changed tool list from the first connection on
        bind(RefreshIntegrationToolsService.class).asEagerSingleton();
        bind(RefreshIntegrationToolsUseCase.class).to(RefreshIntegrationToolsService.class);
        bind(BrowseDirectoryUseCase.class).to(BrowseDirectoryService.class);
        bind(ImportPsaCompaniesUseCase.class).to(ImportPsaCompaniesService.class);
        bind(FindImportedCompaniesUseCase.class).to(FindImportedCompaniesService.class);
        bind(ListClientMappingsUseCase.class).to(ListClientMappingsService.class);
        bind(MapClientUseCase.class).to(MapClientService.class);
        bind(IntegrationKinds.class).in(Singleton.class);
        // one registry of open connections: the control plane's PSAs, their webhooks and every tool call
        bind(LiveIntegrations.class).in(Singleton.class);
        bind(TicketSystems.class).to(LiveIntegrations.class);
        bind(PsaWebhooks.class).to(LiveIntegrations.class);
        bind(ToolExecutor.class).to(LiveIntegrations.class);
        bind(IdentityPushes.class).to(LiveIntegrations.class);
        bind(ConfirmIdentityUseCase.class).to(ConfirmIdentityService.class);
        // one instance: it holds the values approved calls produced until their technician has seen them
        bind(RevealedValues.class).in(Singleton.class);
        bind(RevealValuesUseCase.class).to(RevealValuesService.class);
        bind(ListWaitingValuesUseCase.class).to(ListWaitingValuesService.class);
        bind(GetIdentityStatusUseCase.class).to(GetIdentityStatusService.class);
        bind(ListApprovalsUseCase.class).to(ListApprovalsService.class);
        bind(DecideApprovalUseCase.class).to(DecideApprovalService.class);
        bind(CheckReadinessUseCase.class).to(CheckReadinessService.class);
        // one instance: it remembers when it last purged old keys
        bind(AnswerOnceUseCase.class).to(AnswerOnceService.class).in(Singleton.class);
        bind(ExpireApprovalsUseCase.class).to(ExpireApprovalsService.class);
        bind(ApprovalExpiryLoop.class).in(Singleton.class);
        bind(ApprovalTimeout.class).toInstance(new ApprovalTimeout(config.agentWork().approvalTimeout()));
        // the agent API: what agents call, over HTTP from their containers or directly in process
        bind(AgentApi.class);
        // one instance: one sweep for all of this process's waiting long polls, in-process and over HTTP alike
        bind(AgentWorkUseCase.class).to(AgentWorkService.class).in(Singleton.class);
        bind(CallToolUseCase.class).to(CallToolService.class);
        bind(PostToTicketUseCase.class).to(PostToTicketService.class);
        bind(CallModelUseCase.class).to(CallModelService.class);
        bind(WorkArrivals.class).in(Singleton.class);
        bind(WorkTiming.class).toInstance(WorkTiming.DEFAULT.withLease(config.agentWork().lease()));
        bind(HandoffStatus.class).toInstance(new HandoffStatus(config.agentWork().handoffStatus()));
        bind(AgentConfiguration.ReasonerChoice.class).toInstance(config.llm()
                .map(llm -> AgentConfiguration.ReasonerChoice.model(llm.model()))
                .orElse(AgentConfiguration.ReasonerChoice.RUNBOOK));
        // set by the model's module when a model is configured (STEWARD_REASONER=openai)
        OptionalBinder.newOptionalBinder(binder(), LanguageModel.class);
        bind(GetClientUsageUseCase.class).to(GetClientUsageService.class);
        bind(GetTokenBudgetUseCase.class).to(GetTokenBudgetService.class);
        bind(SetTokenBudgetUseCase.class).to(SetTokenBudgetService.class);
        bind(ToolGateway.class);
        bind(AgentReasoning.class).toInstance(new AgentReasonings());
        bind(DryRunUseCase.class).to(DryRunService.class);

        bind(IdGenerator.class).to(TimeOrderedIdGenerator.class).in(Singleton.class);
        bind(CommandValidator.class).in(Singleton.class);
        bind(ProvisioningReconciler.class).in(Singleton.class);
        bind(LivenessJudge.class).in(Singleton.class); // one per control plane: the reconciler and the diagnostics share it
        bind(ProvisioningLoop.class).in(Singleton.class);
        bind(ProvisioningWakeUp.class).to(ProvisioningLoop.class);
        bind(ProvisioningReconciler.Parallelism.class)
                .toInstance(new ProvisioningReconciler.Parallelism(config.reconcileParallelism()));
        bind(TicketPollingLoop.class).in(Singleton.class);
        bind(InstancePresence.class).in(Singleton.class);
        Multibinder<Lifecycle> lifecycles = Multibinder.newSetBinder(binder(), Lifecycle.class);
        lifecycles.addBinding().to(InstancePresence.class);
        lifecycles.addBinding().to(ProvisioningLoop.class);
        lifecycles.addBinding().to(TicketPollingLoop.class);
        lifecycles.addBinding().to(ApprovalExpiryLoop.class);
        bind(MetricsSampler.class).in(Singleton.class);
        lifecycles.addBinding().to(MetricsSampler.class);
        bind(TicketPollingLoop.PollingPeriod.class).toInstance(new TicketPollingLoop.PollingPeriod(config.psaPoll()));
        bind(ReconcilerTiming.class).toInstance(new ReconcilerTiming(config.reconcileDue(), config.reconcileFull()));
        bind(Clock.class).toInstance(Clock.systemUTC());
        bind(IdleTimeout.class).toInstance(new IdleTimeout(config.security().sessionIdle()));
        bind(WebhookRate.class).toInstance(new WebhookRate(config.security().webhookRate()));
    }

    @Provides
    @Singleton
    ProviderContext providerContext(Clock clock) {
        return ProviderContext.defaults(clock).withPlainHttpAllowed(config.security().integrationsAllowHttp())
                .withPublicUrl(config.publicUrl());
    }

    @Provides
    @Singleton
    Validator validator() {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            return factory.getValidator();
        }
    }
}
