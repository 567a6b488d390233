package dev.steward.application;

import dev.steward.application.agent.AgentReasoning;
import dev.steward.application.client.ClientDetails;
import dev.steward.application.client.CreateClientCommand;
import dev.steward.application.client.CreateClientService;
import dev.steward.application.client.DeleteClientService;
import dev.steward.application.client.GetClientService;
import dev.steward.application.client.ListClientsService;
import dev.steward.application.client.ListStatusHistoryService;
import dev.steward.application.client.RetryProvisioningService;
import dev.steward.application.id.TimeOrderedIdGenerator;
import dev.steward.application.inmemory.InMemoryAgentApi;
import dev.steward.application.inmemory.InMemoryAgentCheckIns;
import dev.steward.application.inmemory.InMemoryAgentCredentials;
import dev.steward.application.inmemory.InMemoryClientMappings;
import dev.steward.application.inmemory.InMemoryClientRepository;
import dev.steward.application.inmemory.InMemoryIntegrationProvider;
import dev.steward.application.inmemory.InMemoryIntegrationRepository;
import dev.steward.application.inmemory.InMemoryMetricsRecorder;
import dev.steward.application.inmemory.InMemoryMspRepository;
import dev.steward.application.inmemory.InMemorySecretVault;
import dev.steward.application.inmemory.InMemoryUnitOfWork;
import dev.steward.application.inprocess.InProcessAgentRuntime;
import dev.steward.application.inprocess.InProcessControlPlane;
import dev.steward.application.mode.ChangeDefaultModeService;
import dev.steward.application.mode.ChangeOperatingModeService;
import dev.steward.application.msp.RegisterMspCommand;
import dev.steward.application.msp.RegisterMspService;
import dev.steward.application.port.client.ClientQuery;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.runtime.AgentRuntime;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.prompt.EditClientPromptService;
import dev.steward.application.prompt.EditMspPromptService;
import dev.steward.application.prompt.PreviewPromptService;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.application.provider.LiveIntegrations;
import dev.steward.application.provisioning.ProvisioningReconciler;
import dev.steward.application.provisioning.ProvisioningWakeUp;
import dev.steward.application.spi.ProviderContext;
import dev.steward.application.testkit.MutableClock;
import dev.steward.application.testkit.SampleKinds;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspId;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The application core built by hand on the in-memory adapters, a {@link MutableClock} and a real Hibernate
 * Validator, the way an embedder would build it. One per test; {@link #close()} stops the in-process agents.
 */
public final class InMemoryCore implements AutoCloseable {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    public final MutableClock clock = MutableClock.startingAt("2026-05-04T09:00:00Z");
    public final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    public final InMemoryClientRepository clients = new InMemoryClientRepository(unitOfWork);
    public final InMemoryMspRepository msps = new InMemoryMspRepository(unitOfWork);
    public final InMemoryAgentCheckIns checkIns = new InMemoryAgentCheckIns();
    public final InMemoryAgentApi agentApi = new InMemoryAgentApi(clock, unitOfWork, clients, msps, checkIns);
    public final InMemoryAgentCredentials agentCredentials = agentApi.credentials;
    public final InMemoryIntegrationRepository integrations = agentApi.integrations;
    public final InMemorySecretVault vault = new InMemorySecretVault(unitOfWork);
    public final InMemoryClientMappings mappings = agentApi.mappings;
    public final InMemoryIntegrationProvider psaProvider = SampleKinds.psa();
    public final InMemoryIntegrationProvider docsProvider = SampleKinds.docs();
    public final IntegrationKinds kinds = IntegrationKinds.of(psaProvider, docsProvider);
    public final LiveIntegrations live = new LiveIntegrations(kinds, ProviderContext.defaults(clock)
            .withPublicUrl(java.util.Optional.of(PUBLIC_URL)));
    /** Where this core is reached from outside: providers that register webhooks register them here. */
    public static final String PUBLIC_URL = "https://steward.test";
    public final InMemoryMetricsRecorder metrics = new InMemoryMetricsRecorder();
    public final InProcessAgentRuntime inProcessRuntime = new InProcessAgentRuntime(clock,
            InProcessControlPlane.connector(agentApi.api(), agentApi.credentials), AgentReasoning.runbooks());
    public final AgentRuntime runtime;
    public final TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator(clock);
    public final CommandValidator validator = new CommandValidator(VALIDATION.getValidator());

    public final RegisterMspService registerMsp = new RegisterMspService(validator, msps, ids, clock, unitOfWork);
    public final CreateClientService createClient;
    public final ListClientsService listClients;
    public final GetClientService getClient;
    public final DeleteClientService deleteClient;
    public final ChangeOperatingModeService changeMode;
    public final ChangeDefaultModeService changeDefaultMode;
    public final EditMspPromptService editMspPrompt;
    public final EditClientPromptService editClientPrompt;
    public final PreviewPromptService previewPrompt;
    public final RetryProvisioningService retryProvisioning;
    public final ListStatusHistoryService statusHistory;
    public final ProvisioningReconciler reconciler;

    /** On the in-process runtime. */
    public InMemoryCore() {
        this(inProcess -> inProcess);
    }

    /** On the runtime {@code around} builds, typically a test double wrapping the in-process runtime. */
    public InMemoryCore(Function<InProcessAgentRuntime, AgentRuntime> around) {
        this.runtime = around.apply(inProcessRuntime);
        createClient = new CreateClientService(validator, clients, msps, ids, clock, unitOfWork,
                ProvisioningWakeUp.NONE);
        listClients = new ListClientsService(validator, clients, msps);
        getClient = new GetClientService(clients, msps);
        deleteClient = new DeleteClientService(validator, clients, msps, this.runtime, agentCredentials, integrations,
                vault, live, mappings, clock, unitOfWork);
        changeMode = new ChangeOperatingModeService(validator, clients, msps, clock, unitOfWork);
        changeDefaultMode = new ChangeDefaultModeService(validator, msps, clients, clock, unitOfWork);
        editMspPrompt = new EditMspPromptService(validator, msps, clients, clock, unitOfWork);
        editClientPrompt = new EditClientPromptService(validator, clients, msps, clock, unitOfWork);
        previewPrompt = new PreviewPromptService(clients, msps);
        retryProvisioning = new RetryProvisioningService(clients, msps, clock, unitOfWork,
                ProvisioningWakeUp.NONE);
        statusHistory = new ListStatusHistoryService(clients);
        reconciler = new ProvisioningReconciler(clients, this.runtime, checkIns, unitOfWork, clock, metrics);
    }

    public Msp anMsp() {
        return registerMsp.register(new RegisterMspCommand("Northwind IT"));
    }

    public Client aClient(Msp msp, String name, String slug) {
        return createClient.create(new CreateClientCommand(msp.id(), name, slug)).client();
    }

    /** A client that the reconciler took to active on the in-process runtime. */
    public Client anActiveClient(Msp msp, String name, String slug) {
        Client created = aClient(msp, name, slug);
        reconciler.reconcileDue();
        return stored(created);
    }

    public Client stored(Client client) {
        return clients.find(client.id()).orElseThrow();
    }

    public ClientDetails details(Msp msp, String slug) {
        return getClient.get(msp.id(), slug);
    }

    public List<Client> allClientsOf(Msp msp) {
        return clients.list(ClientQuery.all(msp.id()));
    }

    /**
     * The client store, except that right after the first read by MSP (a page, or a client by slug) a reconciler pass
     * runs to the end, on another thread in its own unit of work, before the caller sees what it read: a service
     * racing the reconciler, which saves clients without asking the services.
     */
    public ClientRepository clientsRacedByTheReconciler() {
        return new DelegatingClientRepository(clients) {
            private boolean raced;

            @Override
            public List<Client> list(ClientQuery query) {
                return raceOnce(super.list(query));
            }

            @Override
            public Optional<Client> find(MspId msp, Slug slug) {
                return raceOnce(super.find(msp, slug));
            }

            private <T> T raceOnce(T read) {
                if (!raced) {
                    raced = true;
                    CompletableFuture.runAsync(reconciler::reconcileDue).join();
                }
                return read;
            }
        };
    }

    @Override
    public void close() {
        inProcessRuntime.close();
    }
}
