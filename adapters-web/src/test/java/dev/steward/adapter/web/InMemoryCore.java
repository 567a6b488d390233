package dev.steward.adapter.web;

import dev.steward.adapter.web.signin.Argon2idPasswordHasher;
import dev.steward.application.inmemory.InMemoryApiTokenRepository;
import dev.steward.application.inmemory.InMemoryIdempotencyRecords;
import dev.steward.application.psa.MapClientToPsaService;
import dev.steward.application.inmemory.InMemoryRunbookStore;
import dev.steward.application.runbook.DeleteRunbookService;
import dev.steward.application.runbook.ListRunbooksService;
import dev.steward.application.runbook.SaveRunbookService;
import dev.steward.application.inmemory.InMemoryTicketSystems;
import dev.steward.application.inmemory.InMemoryUserRepository;
import dev.steward.application.inmemory.InMemoryWebSessionRepository;
import dev.steward.application.port.PasswordHasher;
import dev.steward.application.signin.ApiTokensService;
import dev.steward.application.signin.AuthenticateService;
import dev.steward.application.signin.CreateUserCommand;
import dev.steward.application.signin.CreateUserService;
import dev.steward.application.signin.RecentCallers;
import dev.steward.application.signin.SignInService;
import dev.steward.domain.user.User;
import dev.steward.application.client.CreateClientService;
import dev.steward.application.agent.AgentGatewayService;
import dev.steward.application.inmemory.InMemoryPsaWebhooks;
import dev.steward.application.ticket.IntakeResult;
import dev.steward.application.ticket.IntakeTicketCommand;
import dev.steward.application.ticket.IntakeTicketUseCase;
import dev.steward.application.ticket.ReceiveTicketWebhookService;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import dev.steward.application.client.DeleteClientService;
import dev.steward.application.inmemory.InMemoryAgentCheckIns;
import dev.steward.application.inmemory.InMemoryAgentCredentials;
import dev.steward.application.inmemory.InMemoryIntegrationRepository;
import dev.steward.application.client.GetClientService;
import dev.steward.application.client.ListClientsService;
import dev.steward.application.client.ListStatusHistoryService;
import dev.steward.application.client.RetryProvisioningService;
import dev.steward.application.activity.ListActivityService;
import dev.steward.application.diagnostics.GetDiagnosticsService;
import dev.steward.application.inmemory.InMemoryActivityLog;
import dev.steward.application.inmemory.InMemoryClientRepository;
import dev.steward.application.inmemory.InMemoryMspRepository;
import dev.steward.application.inmemory.InMemoryUnitOfWork;
import dev.steward.application.inmemory.InProcessAgentRuntime;
import dev.steward.application.inmemory.TimeOrderedIdGenerator;
import dev.steward.application.mode.ChangeDefaultModeService;
import dev.steward.application.mode.ChangeOperatingModeService;
import dev.steward.application.msp.GetMspService;
import dev.steward.application.msp.ListMspsService;
import dev.steward.application.msp.RegisterMspCommand;
import dev.steward.application.msp.RegisterMspService;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.prompt.EditClientPromptService;
import dev.steward.application.prompt.EditMspPromptService;
import dev.steward.application.prompt.PreviewPromptService;
import dev.steward.domain.msp.Msp;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import java.util.Set;
import dev.steward.application.approval.DecideApprovalService;
import dev.steward.application.approval.ListApprovalsService;
import dev.steward.application.inmemory.InMemoryApprovalRepository;
import dev.steward.application.inmemory.InMemoryIntegrationCatalog;
import dev.steward.application.inmemory.InMemorySecretVault;
import dev.steward.application.integration.ConnectIntegrationService;
import dev.steward.application.integration.DisconnectIntegrationService;
import dev.steward.application.integration.GetIntegrationService;
import dev.steward.application.integration.IntegrationKinds;
import dev.steward.application.integration.ListIntegrationKindsService;
import dev.steward.application.integration.ListIntegrationsService;
import dev.steward.application.integration.SetToolPolicyService;
import dev.steward.application.testkit.SampleKinds;

/** The application's use cases built by hand on the in-memory adapters, as an embedder would. */
public final class InMemoryCore implements AutoCloseable {

    public final Clock clock = Clock.systemUTC();
    public final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    public final InMemoryClientRepository clients = new InMemoryClientRepository(unitOfWork);
    public final InMemoryMspRepository msps = new InMemoryMspRepository(unitOfWork);
    private final ValidatorFactory validatorFactory = Validation.buildDefaultValidatorFactory();
    private final CommandValidator validator = new CommandValidator(validatorFactory.getValidator());
    private final TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator(clock);

    public final CreateClientService create = new CreateClientService(validator, clients, msps, ids, clock, unitOfWork);
    public final ListClientsService list = new ListClientsService(validator, clients, msps);
    public final GetClientService get = new GetClientService(clients, msps);
    public final InMemoryAgentCredentials agentCredentials = new InMemoryAgentCredentials();
    public final InMemoryAgentCheckIns agentCheckIns = new InMemoryAgentCheckIns();
    public final InProcessAgentRuntime runtime = new InProcessAgentRuntime(clock, agentCheckIns);
    public final InMemoryIntegrationRepository integrations = new InMemoryIntegrationRepository(unitOfWork);
    public final InMemorySecretVault vault = new InMemorySecretVault(unitOfWork);
    /** An MSP-wide PSA kind whose apiBase must be an https URL, and a per-client documentation kind. */
    public final InMemoryIntegrationCatalog catalog = SampleKinds.catalog();
    public final AgentGatewayService agentGateway = new AgentGatewayService(agentCredentials, agentCheckIns, clients,
            msps, integrations, clock);
    public final DeleteClientService delete = new DeleteClientService(validator, clients, msps, runtime,
            agentCredentials, integrations, vault, Set.of(catalog), clock, unitOfWork);
    public final ListStatusHistoryService history = new ListStatusHistoryService(clients);
    public final RetryProvisioningService retry = new RetryProvisioningService(clients, msps, clock, unitOfWork);
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
    public final InMemoryActivityLog activityLog = new InMemoryActivityLog();
    public final InMemoryPsaWebhooks psaWebhooks = new InMemoryPsaWebhooks();
    /** Every ticket intake the web layer asked for (the agent loop itself is tested in application). */
    public final List<IntakeTicketCommand> intakes = new CopyOnWriteArrayList<>();
    public final IntakeTicketUseCase intake = command -> {
        intakes.add(command);
        return new IntakeResult.Skipped(command.ticketId(), "recorded by the web test core");
    };
    public final ReceiveTicketWebhookService receiveWebhook = new ReceiveTicketWebhookService(psaWebhooks, intake);
    public final ListActivityService activity = new ListActivityService(validator, activityLog, clients, msps);

    public final InMemoryApprovalRepository approvals = new InMemoryApprovalRepository(unitOfWork);
    private final IntegrationKinds kinds = new IntegrationKinds(Set.of(catalog));
    public final ListIntegrationKindsService integrationKinds = new ListIntegrationKindsService(kinds);
    public final ListIntegrationsService listIntegrations = new ListIntegrationsService(integrations, kinds, clients,
            msps, vault);
    public final ConnectIntegrationService connectIntegration = new ConnectIntegrationService(validator, kinds,
            integrations, vault, clients, msps, ids, clock, unitOfWork);
    public final GetIntegrationService getIntegration = new GetIntegrationService(integrations, kinds, clients, vault);
    public final DisconnectIntegrationService disconnectIntegration = new DisconnectIntegrationService(kinds,
            integrations, vault, clients, clock, unitOfWork);
    public final SetToolPolicyService setToolPolicy = new SetToolPolicyService(validator, kinds, integrations, vault,
            clients, clock, unitOfWork);
    public final ListApprovalsService listApprovals = new ListApprovalsService(approvals, clients, msps);
    public final DecideApprovalService decideApproval = new DecideApprovalService(validator, approvals, activityLog,
            ids, clients, clock, unitOfWork);

    /** The connected PSAs; tests connect an in-memory one to stand for a PSA that went live. */
    public final InMemoryTicketSystems ticketSystems = new InMemoryTicketSystems();
    public final MapClientToPsaService mapToPsa = new MapClientToPsaService(validator, clients, msps, unitOfWork);
    public final InMemoryRunbookStore runbooks = new InMemoryRunbookStore(unitOfWork);
    public final ListRunbooksService listRunbooks = new ListRunbooksService(runbooks, clients, msps);
    public final SaveRunbookService saveRunbook = new SaveRunbookService(validator, runbooks, clients, msps, ids,
            clock, unitOfWork);
    public final DeleteRunbookService deleteRunbook = new DeleteRunbookService(runbooks, unitOfWork);
    public final InMemoryIdempotencyRecords idempotencyRecords = new InMemoryIdempotencyRecords();
    public final InMemoryUserRepository users = new InMemoryUserRepository(unitOfWork);
    public final InMemoryWebSessionRepository webSessions = new InMemoryWebSessionRepository();
    public final InMemoryApiTokenRepository apiTokenStore = new InMemoryApiTokenRepository();
    /** Real Argon2id at a low cost, so that signing in many times stays quick. */
    public final PasswordHasher hasher = new Argon2idPasswordHasher(1024, 1, 1);
    public final CreateUserService createUser = new CreateUserService(validator, users, msps, hasher, ids, clock,
            unitOfWork);
    private final RecentCallers recentCallers = new RecentCallers(clock);
    public final SignInService signIn = new SignInService(users, webSessions, hasher, clock, unitOfWork,
            recentCallers);
    public final AuthenticateService authenticate = new AuthenticateService(webSessions, apiTokenStore, users, clock,
            recentCallers);
    public final ApiTokensService apiTokens = new ApiTokensService(apiTokenStore, ids, clock, unitOfWork,
            recentCallers);

    public static final String PASSWORD = "correct horse battery staple";

    /** A technician of {@code msp} whose password is {@link #PASSWORD}. */
    public User addUser(Msp msp, String email) {
        return createUser.create(new CreateUserCommand(msp.id(), email, PASSWORD, "technician"));
    }

    public Msp registerMsp(String name) {
        return registerMsp.register(new RegisterMspCommand(name));
    }

    @Override
    public void close() {
        runtime.close();
        validatorFactory.close();
    }
}
