package dev.steward.adapter.web;

import dev.steward.adapter.web.signin.Argon2idPasswordHasher;
import dev.steward.application.activity.ListActivityService;
import dev.steward.application.agent.AgentReasoning;
import dev.steward.application.agentloop.RevealedValues;
import dev.steward.application.approval.DecideApprovalService;
import dev.steward.application.approval.ListApprovalsService;
import dev.steward.application.approval.ListWaitingValuesService;
import dev.steward.application.approval.RevealValuesService;
import dev.steward.application.client.CreateClientService;
import dev.steward.application.client.DeleteClientService;
import dev.steward.application.client.GetClientService;
import dev.steward.application.client.ListClientsService;
import dev.steward.application.client.ListStatusHistoryService;
import dev.steward.application.client.RetryProvisioningService;
import dev.steward.application.client.SummarizeClientActivityService;
import dev.steward.application.diagnostics.GetDiagnosticsService;
import dev.steward.application.dryrun.DryRunService;
import dev.steward.application.health.CheckReadinessService;
import dev.steward.application.id.TimeOrderedIdGenerator;
import dev.steward.application.idempotency.AnswerOnceService;
import dev.steward.application.inmemory.InMemoryActivityLog;
import dev.steward.application.inmemory.InMemoryAgentApi;
import dev.steward.application.inmemory.InMemoryAgentCheckIns;
import dev.steward.application.inmemory.InMemoryAgentCredentials;
import dev.steward.application.inmemory.InMemoryApiTokenRepository;
import dev.steward.application.inmemory.InMemoryApprovalRepository;
import dev.steward.application.inmemory.InMemoryClientMappings;
import dev.steward.application.inmemory.InMemoryClientRepository;
import dev.steward.application.inmemory.InMemoryIdempotencyRecords;
import dev.steward.application.inmemory.InMemoryIdentityVerifications;
import dev.steward.application.inmemory.InMemoryIntegrationProvider;
import dev.steward.application.inmemory.InMemoryIntegrationRepository;
import dev.steward.application.inmemory.InMemoryMetricsRecorder;
import dev.steward.application.inmemory.InMemoryMspRepository;
import dev.steward.application.inmemory.InMemoryOperatorRepository;
import dev.steward.application.inmemory.InMemoryPendingAuthorizations;
import dev.steward.application.inmemory.InMemoryPsaWebhooks;
import dev.steward.application.inmemory.InMemorySecretVault;
import dev.steward.application.inmemory.InMemorySessionRepository;
import dev.steward.application.inmemory.InMemoryTicketSystems;
import dev.steward.application.inmemory.InMemoryUnitOfWork;
import dev.steward.application.inmemory.InMemoryUserRepository;
import dev.steward.application.inmemory.InMemoryWebSessionRepository;
import dev.steward.application.inmemory.InMemoryWorkflowStore;
import dev.steward.application.inprocess.InProcessAgentRuntime;
import dev.steward.application.inprocess.InProcessControlPlane;
import dev.steward.application.integration.AuthorizeIntegrationService;
import dev.steward.application.integration.BrowseDirectoryService;
import dev.steward.application.integration.ConnectIntegrationService;
import dev.steward.application.integration.DisconnectIntegrationService;
import dev.steward.application.integration.GetIntegrationService;
import dev.steward.application.integration.ListClientMappingsService;
import dev.steward.application.integration.ListIntegrationKindsService;
import dev.steward.application.integration.ListIntegrationsService;
import dev.steward.application.integration.MapClientService;
import dev.steward.application.integration.MarkToolSensitiveService;
import dev.steward.application.integration.RefreshIntegrationToolsService;
import dev.steward.application.integration.SetToolPolicyService;
import dev.steward.application.mode.ChangeDefaultModeService;
import dev.steward.application.mode.ChangeOperatingModeService;
import dev.steward.application.msp.GetMspService;
import dev.steward.application.msp.ListMspsService;
import dev.steward.application.msp.RegisterMspCommand;
import dev.steward.application.msp.RegisterMspService;
import dev.steward.application.operator.OperatorCredentialsService;
import dev.steward.application.operator.OperatorMspsService;
import dev.steward.application.port.access.PasswordHasher;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.prompt.EditClientPromptService;
import dev.steward.application.prompt.EditMspPromptService;
import dev.steward.application.prompt.PreviewPromptService;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.application.provider.LiveIntegrations;
import dev.steward.application.provisioning.ProvisioningWakeUp;
import dev.steward.application.psa.MapClientToPsaService;
import dev.steward.application.signin.ApiTokensService;
import dev.steward.application.signin.AuthenticateService;
import dev.steward.application.signin.ChangingCaller;
import dev.steward.application.signin.CreateUserCommand;
import dev.steward.application.signin.CreateUserService;
import dev.steward.application.signin.IdleTimeout;
import dev.steward.application.signin.RecentCallers;
import dev.steward.application.signin.SignInService;
import dev.steward.application.spi.Directory;
import dev.steward.application.spi.ProviderContext;
import dev.steward.application.testkit.SampleKinds;
import dev.steward.application.ticket.IntakeResult;
import dev.steward.application.ticket.IntakeTicketCommand;
import dev.steward.application.ticket.IntakeTicketUseCase;
import dev.steward.application.ticket.ReceiveTicketWebhookService;
import dev.steward.application.ticket.WebhookRate;
import dev.steward.application.usage.GetClientUsageService;
import dev.steward.application.usage.GetTokenBudgetService;
import dev.steward.application.usage.SetTokenBudgetService;
import dev.steward.application.user.ManageUsersService;
import dev.steward.application.user.PasswordsService;
import dev.steward.application.verification.ConfirmIdentityService;
import dev.steward.application.verification.GetIdentityStatusService;
import dev.steward.application.workflow.ChangeWorkflowStatusService;
import dev.steward.application.workflow.CreateWorkflowService;
import dev.steward.application.workflow.EditWorkflowService;
import dev.steward.application.workflow.GetWorkflowService;
import dev.steward.application.workflow.ListWorkflowsService;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.IntegrationScope;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.user.User;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** The application's use cases built by hand on the in-memory adapters, as an embedder would. */
public final class InMemoryCore implements AutoCloseable {

    public final Clock clock = Clock.systemUTC();
    public final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    public final InMemoryClientRepository clients = new InMemoryClientRepository(unitOfWork);
    public final InMemoryMspRepository msps = new InMemoryMspRepository(unitOfWork);
    private final ValidatorFactory validatorFactory = Validation.buildDefaultValidatorFactory();
    private final CommandValidator validator = new CommandValidator(validatorFactory.getValidator());
    private final TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator(clock);

    public final CreateClientService create = new CreateClientService(validator, clients, msps, ids, clock,
            unitOfWork, ProvisioningWakeUp.NONE);
    public final ListClientsService list = new ListClientsService(validator, clients, msps);
    public final GetClientService get = new GetClientService(clients, msps);
    public final InMemoryAgentCheckIns agentCheckIns = new InMemoryAgentCheckIns();
    /** The agent API (work queue, sessions, gateway …) on in-memory stores; its agents run in process. */
    public final InMemoryAgentApi agentApi = new InMemoryAgentApi(clock, unitOfWork, clients, msps, agentCheckIns);
    public final InMemoryAgentCredentials agentCredentials = agentApi.credentials;
    public final InProcessAgentRuntime runtime = new InProcessAgentRuntime(clock,
            InProcessControlPlane.connector(agentApi.api(), agentApi.credentials), AgentReasoning.runbooks());
    public final InMemoryIntegrationRepository integrations = agentApi.integrations;
    public final InMemorySecretVault vault = new InMemorySecretVault(unitOfWork);
    /** An MSP-wide PSA kind whose apiBase must be an https URL, and a per-client documentation kind. */
    public final InMemoryIntegrationProvider psaProvider = SampleKinds.psa();
    public final InMemoryIntegrationProvider docsProvider = SampleKinds.docs();
    /** An MSP-wide kind whose connections offer a directory of three tenants, as Microsoft 365's customers are. */
    public final InMemoryIntegrationProvider tenantsProvider = new InMemoryIntegrationProvider(new IntegrationKind(
            "tenants", "Tenants", Set.of(IntegrationScope.MSP), List.of(),
            List.of(Tool.readOnly("tenants:who-am-i", "Says which tenant the call ran in")), Map.of()))
            .withDirectory(Directory.of(List.of(new Directory.Entry("t-100", "Contoso Ltd", "GDAP active"),
                    new Directory.Entry("t-200", "Fabrikam Inc", "GDAP active"),
                    new Directory.Entry("t-300", "Tailspin Toys", "GDAP active"))));
    /** The kind of custom MCP servers, each integration mcp:<name> (the real provider is tested in adapters-mcp). */
    public final InMemoryIntegrationProvider serversProvider = new InMemoryIntegrationProvider(new IntegrationKind(
            IntegrationKinds.NAMED_SERVERS, "Custom MCP server", Set.of(IntegrationScope.MSP, IntegrationScope.CLIENT),
            List.of(dev.steward.domain.integration.SettingSpec.required("url", "Streamable HTTP URL"),
                    dev.steward.domain.integration.SettingSpec.optional("auth", "none, token or oauth"),
                    dev.steward.domain.integration.SettingSpec.writtenSecret("oauthAccessToken", "access token")),
            List.of(), Map.of())).withAuthorizationFlow(new InMemoryAuthorizationServer());
    /**
     * An MSP-wide documentation platform, as IT Glue is: each client is mapped to one of its organizations, of which
     * there are more than a page.
     */
    public final InMemoryIntegrationProvider organizationsProvider = new InMemoryIntegrationProvider(
            new IntegrationKind("itglue", "IT Glue", Set.of(IntegrationScope.MSP), List.of(),
                    List.of(Tool.readOnly("itglue:search-articles", "Searches the client's organization's documents")),
                    Map.of()))
            .withDirectory(Directory.of(organizations()));
    private final IntegrationKinds kinds = IntegrationKinds.of(psaProvider, docsProvider, tenantsProvider,
            serversProvider, organizationsProvider);

    /** Sixty numbered organizations around Contoso Ltd, Contoso Labs and Fabrikam Inc. */
    private static List<Directory.Entry> organizations() {
        List<Directory.Entry> entries = new java.util.ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            entries.add(new Directory.Entry(Integer.toString(9000 + i), "Organization " + i, "Customer"));
            if (i == 30) {
                entries.add(new Directory.Entry("7001", "Contoso Ltd", "Customer · contoso.example"));
                entries.add(new Directory.Entry("7002", "Contoso Labs", "Vendor · labs.contoso.example"));
                entries.add(new Directory.Entry("7003", "Fabrikam Inc", "Customer · fabrikam.example"));
            }
        }
        return entries;
    }
    public final LiveIntegrations live = new LiveIntegrations(kinds, ProviderContext.defaults(clock)
            .withPublicUrl(java.util.Optional.of("https://steward.test")));
    public final InMemoryClientMappings mappings = agentApi.mappings;
    public final DeleteClientService delete = new DeleteClientService(validator, clients, msps, runtime,
            agentCredentials, integrations, vault, live, mappings, clock, unitOfWork);
    public final ListStatusHistoryService history = new ListStatusHistoryService(clients);
    public final RetryProvisioningService retry = new RetryProvisioningService(clients, msps, clock,
            unitOfWork, ProvisioningWakeUp.NONE);
    public final ChangeOperatingModeService changeMode = new ChangeOperatingModeService(validator, clients, msps,
            clock, unitOfWork);
    public final ChangeDefaultModeService changeDefaultMode = new ChangeDefaultModeService(validator, msps, clients,
            clock, unitOfWork);
    public final GetMspService getMsp = new GetMspService(msps);
    public final ListMspsService listMsps = new ListMspsService(msps);
    public final RegisterMspService registerMsp = new RegisterMspService(validator, msps, ids, clock, unitOfWork);
    public final EditMspPromptService editMspPrompt = new EditMspPromptService(validator, msps, clients, clock,
            unitOfWork);
    public final EditClientPromptService editClientPrompt = new EditClientPromptService(validator, clients, msps,
            clock, unitOfWork);
    public final PreviewPromptService preview = new PreviewPromptService(clients, msps);
    public final GetDiagnosticsService diagnostics = new GetDiagnosticsService(clients, runtime, agentCheckIns, clock);
    public final InMemoryActivityLog activityLog = agentApi.activity;
    public final InMemoryPsaWebhooks psaWebhooks = new InMemoryPsaWebhooks();
    /** Every ticket intake the web layer asked for (the agent loop itself is tested in application). */
    public final List<IntakeTicketCommand> intakes = new CopyOnWriteArrayList<>();
    public final IntakeTicketUseCase intake = command -> {
        intakes.add(command);
        return new IntakeResult.Skipped(command.ticketId(), "recorded by the web test core");
    };
    public final ReceiveTicketWebhookService receiveWebhook = new ReceiveTicketWebhookService(psaWebhooks, intake,
            msps, integrations, WebhookRate.DEFAULT, clock, new InMemoryMetricsRecorder());
    public final ListActivityService activity = new ListActivityService(validator, activityLog, clients, msps,
            agentApi.workflows);

    public final InMemoryApprovalRepository approvals = agentApi.approvals;
    public final ListIntegrationKindsService integrationKinds = new ListIntegrationKindsService(kinds);
    public final ListIntegrationsService listIntegrations = new ListIntegrationsService(integrations, kinds, clients,
            msps, vault, live);
    public final ConnectIntegrationService connectIntegration = new ConnectIntegrationService(validator, kinds,
            live, integrations, vault, clients, msps, ids, clock, unitOfWork);

    public final GetIntegrationService getIntegration = new GetIntegrationService(integrations, kinds, clients, vault,
            live);
    public final RefreshIntegrationToolsService refreshIntegrationTools = new RefreshIntegrationToolsService(kinds,
            live, integrations, clients, vault, clock, unitOfWork);
    public final InMemoryPendingAuthorizations pendingAuthorizations = new InMemoryPendingAuthorizations();
    public final AuthorizeIntegrationService authorizeIntegration = new AuthorizeIntegrationService(validator, kinds,
            integrations, clients, msps, pendingAuthorizations, connectIntegration, refreshIntegrationTools, live,
            vault, ProviderContext.defaults(clock), clock, unitOfWork);
    public final DisconnectIntegrationService disconnectIntegration = new DisconnectIntegrationService(live,
            integrations, vault, clients, clock, unitOfWork);
    public final SetToolPolicyService setToolPolicy = new SetToolPolicyService(validator, kinds, integrations, vault,
            clients, clock, unitOfWork);
    public final MarkToolSensitiveService markToolSensitive = new MarkToolSensitiveService(validator, kinds,
            integrations, vault, clients, clock, unitOfWork);
    public final InMemoryIdentityVerifications verifications = new InMemoryIdentityVerifications();
    public final InMemorySessionRepository sessions = new InMemorySessionRepository(unitOfWork);
    public final ConfirmIdentityService confirmIdentity = new ConfirmIdentityService(validator, approvals, sessions,
            verifications, activityLog, ids, clock, unitOfWork);
    public final RevealedValues revealedValues = new RevealedValues(clock);
    public final RevealValuesService revealValues = new RevealValuesService(revealedValues, approvals);
    public final ListWaitingValuesService waitingValues = new ListWaitingValuesService(revealedValues, approvals);
    public final GetIdentityStatusService identityStatus = new GetIdentityStatusService(approvals, sessions,
            integrations, verifications);
    public final BrowseDirectoryService browseDirectory = new BrowseDirectoryService(validator, integrations, live);
    public final ListClientMappingsService listMappings = new ListClientMappingsService(clients, integrations, live,
            mappings, kinds, unitOfWork);
    public final MapClientService mapClient = new MapClientService(validator, clients, msps, integrations, kinds,
            live, mappings, unitOfWork);
    public final dev.steward.application.integration.ImportPsaCompaniesService importCompanies =
            new dev.steward.application.integration.ImportPsaCompaniesService(validator, integrations, live, clients,
                    msps, ids, clock, unitOfWork);
    public final dev.steward.application.integration.FindImportedCompaniesService findImported =
            new dev.steward.application.integration.FindImportedCompaniesService(integrations, clients, msps,
                    unitOfWork);
    public final ListApprovalsService listApprovals = new ListApprovalsService(approvals, clients, msps);
    public final DecideApprovalService decideApproval = new DecideApprovalService(validator, approvals, activityLog,
            ids, clients, agentApi.work, agentApi.arrivals, clock, unitOfWork);
    public final SummarizeClientActivityService summarize = new SummarizeClientActivityService(agentApi.work,
            activityLog, clock);
    public final DryRunService dryRun = new DryRunService(clients, agentApi.api().gateway(),
            agentApi.api().model(),
            AgentReasoning.runbooks(), agentApi.gateway, agentApi.ticketSystems, activityLog, ids, clock);
    public final GetClientUsageService usage = new GetClientUsageService(clients, agentApi.work, agentApi.ledger,
            clock);
    public final GetTokenBudgetService getTokenBudget = new GetTokenBudgetService(msps, clients, agentApi.ledger);
    public final SetTokenBudgetService setTokenBudget = new SetTokenBudgetService(validator, msps, clients,
            agentApi.ledger);

    /** What /health/ready asks; tests swap the store's health to show a store that is down. */
    public final SwitchableStoreHealth storeHealth = new SwitchableStoreHealth();
    public final CheckReadinessService readiness = new CheckReadinessService(storeHealth);

    /** The connected PSAs; tests connect an in-memory one to stand for a PSA that went live. */
    public final InMemoryTicketSystems ticketSystems = new InMemoryTicketSystems();
    public final MapClientToPsaService mapToPsa = new MapClientToPsaService(validator, clients, msps, unitOfWork,
            ticketSystems);
    public final InMemoryWorkflowStore workflows = agentApi.workflows;
    public final ListWorkflowsService listWorkflows = new ListWorkflowsService(workflows, clients, msps);
    public final GetWorkflowService getWorkflow = new GetWorkflowService(workflows, clients);
    public final CreateWorkflowService createWorkflow = new CreateWorkflowService(validator, workflows, clients, msps,
            ids, clock, unitOfWork);
    public final EditWorkflowService editWorkflow = new EditWorkflowService(validator, workflows, clients, clock,
            unitOfWork);
    public final ChangeWorkflowStatusService changeWorkflowStatus = new ChangeWorkflowStatusService(validator,
            workflows, clients, clock, unitOfWork);
    public final InMemoryIdempotencyRecords idempotencyRecords = new InMemoryIdempotencyRecords(unitOfWork);
    public final AnswerOnceService answerOnce = new AnswerOnceService(idempotencyRecords, unitOfWork, clock);
    public final InMemoryUserRepository users = new InMemoryUserRepository(unitOfWork);
    public final InMemoryWebSessionRepository webSessions = new InMemoryWebSessionRepository();
    public final InMemoryApiTokenRepository apiTokenStore = new InMemoryApiTokenRepository();
    /** Real Argon2id at a low cost, so that signing in many times stays quick. */
    public final PasswordHasher hasher = new Argon2idPasswordHasher(1024, 1, 1);
    public final CreateUserService createUser = new CreateUserService(validator, users, msps, hasher, ids, clock,
            unitOfWork);
    private final RecentCallers recentCallers = new RecentCallers(clock);
    public final SignInService signIn = new SignInService(users, msps, webSessions, hasher, clock, unitOfWork,
            recentCallers);
    public final AuthenticateService authenticate = new AuthenticateService(webSessions, apiTokenStore, users, msps,
            clock, recentCallers, IdleTimeout.DEFAULT, new ChangingCaller());
    public final ApiTokensService apiTokens = new ApiTokensService(apiTokenStore, users, ids, clock, unitOfWork,
            recentCallers);

    public final ManageUsersService manageUsers = new ManageUsersService(validator, users, msps, webSessions, hasher,
            ids, clock, unitOfWork, recentCallers);
    public final PasswordsService passwords = new PasswordsService(users, webSessions, hasher, clock, unitOfWork,
            recentCallers);

    public final InMemoryOperatorRepository operatorStore = new InMemoryOperatorRepository();
    public final OperatorCredentialsService operators = new OperatorCredentialsService(operatorStore, clock,
            unitOfWork);
    public final OperatorMspsService operatorMsps = new OperatorMspsService(msps, users, registerMsp, manageUsers,
            clock, unitOfWork, recentCallers);

    public static final String PASSWORD = "correct horse battery staple";

    /** A technician of {@code msp} whose password is {@link #PASSWORD}. */
    public User addUser(Msp msp, String email) {
        return addUser(msp, email, "technician");
    }

    /** A user of {@code msp} with {@code role} ({@code admin}, {@code technician}, {@code viewer}) and {@link #PASSWORD}. */
    public User addUser(Msp msp, String email, String role) {
        return createUser.create(new CreateUserCommand(msp.id(), email, PASSWORD, role));
    }

    public Msp registerMsp(String name) {
        return registerMsp.register(new RegisterMspCommand(name));
    }

    @Override
    public void close() {
        runtime.close();
        validatorFactory.close();
    }

    /** The integrations whose provider holds an open connection. */
    public java.util.Set<dev.steward.domain.integration.IntegrationId> connected() {
        java.util.Set<dev.steward.domain.integration.IntegrationId> all = new java.util.HashSet<>(
                psaProvider.connected().keySet());
        all.addAll(docsProvider.connected().keySet());
        return all;
    }
}