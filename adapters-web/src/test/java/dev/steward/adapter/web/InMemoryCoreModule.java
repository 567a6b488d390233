package dev.steward.adapter.web;

import dev.steward.application.idempotency.AnswerOnceUseCase;
import dev.steward.application.psa.MapClientToPsaUseCase;
import dev.steward.application.workflow.ChangeWorkflowStatusUseCase;
import dev.steward.application.workflow.CreateWorkflowUseCase;
import dev.steward.application.workflow.EditWorkflowUseCase;
import dev.steward.application.workflow.GetWorkflowUseCase;
import dev.steward.application.workflow.ListWorkflowsUseCase;
import dev.steward.application.signin.ApiTokensUseCase;
import dev.steward.application.signin.AuthenticateUseCase;
import dev.steward.application.signin.SignInUseCase;
import dev.steward.application.user.ManageUsersUseCase;
import dev.steward.application.user.PasswordsUseCase;
import dev.steward.application.operator.OperatorCredentialsUseCase;
import dev.steward.application.operator.OperatorMspsUseCase;
import com.google.inject.AbstractModule;
import dev.steward.application.agent.AgentApi;
import dev.steward.application.usage.GetClientUsageUseCase;
import dev.steward.application.usage.GetTokenBudgetUseCase;
import dev.steward.application.usage.SetTokenBudgetUseCase;
import dev.steward.application.ticket.IntakeTicketUseCase;
import dev.steward.application.ticket.ReceiveTicketWebhookUseCase;
import dev.steward.application.activity.ListActivityUseCase;
import dev.steward.application.client.CreateClientUseCase;
import dev.steward.application.client.DeleteClientUseCase;
import dev.steward.application.client.GetClientUseCase;
import dev.steward.application.client.ListClientsUseCase;
import dev.steward.application.dryrun.DryRunUseCase;
import dev.steward.application.client.SummarizeClientActivityUseCase;
import dev.steward.application.client.ListStatusHistoryUseCase;
import dev.steward.application.client.RetryProvisioningUseCase;
import dev.steward.application.diagnostics.GetDiagnosticsUseCase;
import dev.steward.application.mode.ChangeDefaultModeUseCase;
import dev.steward.application.mode.ChangeOperatingModeUseCase;
import dev.steward.application.msp.GetMspUseCase;
import dev.steward.application.msp.ListMspsUseCase;
import dev.steward.application.prompt.EditClientPromptUseCase;
import dev.steward.application.prompt.EditMspPromptUseCase;
import dev.steward.application.prompt.PreviewPromptUseCase;
import dev.steward.application.health.CheckReadinessUseCase;
import java.time.Clock;
import dev.steward.application.approval.DecideApprovalUseCase;
import dev.steward.application.approval.ListWaitingValuesUseCase;
import dev.steward.application.approval.RevealValuesUseCase;
import dev.steward.application.verification.GetIdentityStatusUseCase;
import dev.steward.application.verification.ConfirmIdentityUseCase;
import dev.steward.application.approval.ListApprovalsUseCase;
import dev.steward.application.integration.AuthorizeIntegrationUseCase;
import dev.steward.application.integration.ConnectIntegrationUseCase;
import dev.steward.application.integration.DisconnectIntegrationUseCase;
import dev.steward.application.integration.GetIntegrationUseCase;
import dev.steward.application.integration.RefreshIntegrationToolsUseCase;
import dev.steward.application.integration.BrowseDirectoryUseCase;
import dev.steward.application.integration.ListClientMappingsUseCase;
import dev.steward.application.integration.MapClientUseCase;
import dev.steward.application.integration.ListIntegrationKindsUseCase;
import dev.steward.application.integration.ListIntegrationsUseCase;
import dev.steward.application.integration.MarkToolSensitiveUseCase;
import dev.steward.application.integration.SetToolPolicyUseCase;

/** Binds exactly what {@link WebModule}'s Javadoc says it needs: the use cases (hand-built, in memory), a clock. */
final class InMemoryCoreModule extends AbstractModule {

    private final InMemoryCore core;

    InMemoryCoreModule(InMemoryCore core) {
        this.core = core;
    }

    @Override
    protected void configure() {
        bind(Clock.class).toInstance(core.clock);
        bind(CreateClientUseCase.class).toInstance(core.create);
        bind(ListClientsUseCase.class).toInstance(core.list);
        bind(DryRunUseCase.class).toInstance(core.dryRun);
        bind(SummarizeClientActivityUseCase.class).toInstance(core.summarize);
        bind(GetClientUseCase.class).toInstance(core.get);
        bind(DeleteClientUseCase.class).toInstance(core.delete);
        bind(ListStatusHistoryUseCase.class).toInstance(core.history);
        bind(RetryProvisioningUseCase.class).toInstance(core.retry);
        bind(ChangeOperatingModeUseCase.class).toInstance(core.changeMode);
        bind(ChangeDefaultModeUseCase.class).toInstance(core.changeDefaultMode);
        bind(GetMspUseCase.class).toInstance(core.getMsp);
        bind(ListMspsUseCase.class).toInstance(core.listMsps);
        bind(EditMspPromptUseCase.class).toInstance(core.editMspPrompt);
        bind(EditClientPromptUseCase.class).toInstance(core.editClientPrompt);
        bind(PreviewPromptUseCase.class).toInstance(core.preview);
        bind(AgentApi.class).toInstance(core.agentApi.api());
        bind(GetClientUsageUseCase.class).toInstance(core.usage);
        bind(GetTokenBudgetUseCase.class).toInstance(core.getTokenBudget);
        bind(SetTokenBudgetUseCase.class).toInstance(core.setTokenBudget);
        bind(ReceiveTicketWebhookUseCase.class).toInstance(core.receiveWebhook);
        bind(IntakeTicketUseCase.class).toInstance(core.intake);
        bind(GetDiagnosticsUseCase.class).toInstance(core.diagnostics);
        bind(ListActivityUseCase.class).toInstance(core.activity);
        bind(SignInUseCase.class).toInstance(core.signIn);
        bind(MapClientToPsaUseCase.class).toInstance(core.mapToPsa);
        bind(ListWorkflowsUseCase.class).toInstance(core.listWorkflows);
        bind(GetWorkflowUseCase.class).toInstance(core.getWorkflow);
        bind(CreateWorkflowUseCase.class).toInstance(core.createWorkflow);
        bind(EditWorkflowUseCase.class).toInstance(core.editWorkflow);
        bind(ChangeWorkflowStatusUseCase.class).toInstance(core.changeWorkflowStatus);
        bind(AnswerOnceUseCase.class).toInstance(core.answerOnce);
        bind(AuthenticateUseCase.class).toInstance(core.authenticate);
        bind(ApiTokensUseCase.class).toInstance(core.apiTokens);
        bind(ManageUsersUseCase.class).toInstance(core.manageUsers);
        bind(PasswordsUseCase.class).toInstance(core.passwords);
        bind(OperatorCredentialsUseCase.class).toInstance(core.operators);
        bind(OperatorMspsUseCase.class).toInstance(core.operatorMsps);
        bind(ListIntegrationKindsUseCase.class).toInstance(core.integrationKinds);
        bind(ListIntegrationsUseCase.class).toInstance(core.listIntegrations);
        bind(ConnectIntegrationUseCase.class).toInstance(core.connectIntegration);
        bind(AuthorizeIntegrationUseCase.class).toInstance(core.authorizeIntegration);
        bind(GetIntegrationUseCase.class).toInstance(core.getIntegration);
        bind(RefreshIntegrationToolsUseCase.class).toInstance(core.refreshIntegrationTools);
        bind(DisconnectIntegrationUseCase.class).toInstance(core.disconnectIntegration);
        bind(SetToolPolicyUseCase.class).toInstance(core.setToolPolicy);
        bind(MarkToolSensitiveUseCase.class).toInstance(core.markToolSensitive);
        bind(BrowseDirectoryUseCase.class).toInstance(core.browseDirectory);
        bind(dev.steward.application.integration.ImportPsaCompaniesUseCase.class).toInstance(core.importCompanies);
        bind(dev.steward.application.integration.FindImportedCompaniesUseCase.class).toInstance(core.findImported);
        bind(ListClientMappingsUseCase.class).toInstance(core.listMappings);
        bind(MapClientUseCase.class).toInstance(core.mapClient);
        bind(ListApprovalsUseCase.class).toInstance(core.listApprovals);
        bind(DecideApprovalUseCase.class).toInstance(core.decideApproval);
        bind(ConfirmIdentityUseCase.class).toInstance(core.confirmIdentity);
        bind(RevealValuesUseCase.class).toInstance(core.revealValues);
        bind(ListWaitingValuesUseCase.class).toInstance(core.waitingValues);
        bind(GetIdentityStatusUseCase.class).toInstance(core.identityStatus);
        bind(CheckReadinessUseCase.class).toInstance(core.readiness);
    }
}
