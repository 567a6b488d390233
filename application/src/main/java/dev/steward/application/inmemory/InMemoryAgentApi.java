package dev.steward.application.inmemory;

import dev.steward.application.agent.AgentApi;
import dev.steward.application.agent.AgentGatewayService;
import dev.steward.application.agent.AgentWorkService;
import dev.steward.application.agent.CallModelService;
import dev.steward.application.agent.CallToolService;
import dev.steward.application.agent.HandoffStatus;
import dev.steward.application.agent.PostToTicketService;
import dev.steward.application.agent.WorkArrivals;
import dev.steward.application.agent.WorkTiming;
import dev.steward.application.agent.message.AgentConfiguration;
import dev.steward.application.agentloop.RevealedValues;
import dev.steward.application.agentloop.ToolGateway;
import dev.steward.application.id.TimeOrderedIdGenerator;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.reasoning.LanguageModel;
import dev.steward.application.port.runtime.AgentCheckIns;
import dev.steward.application.port.store.IdGenerator;
import dev.steward.application.port.verification.IdentityPushes;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.application.provider.LiveIntegrations;
import dev.steward.application.provisioning.ProvisioningWakeUp;
import dev.steward.application.spi.ProviderContext;
import java.time.Clock;
import java.util.Optional;

/**
 * The agent API — what agents call — built on in-memory stores, for embedders and tests: the stores it shares with the
 * rest of the core (clients, MSPs, check-ins, the unit of work) come in, the rest it makes and exposes. Tools run in
 * process ({@link #tools}: register what a tool does) and PSAs are connected by hand ({@link #ticketSystems}). Hand
 * {@code InProcessControlPlane.connector(api(), credentials)} to an in-process runtime and its agents work tickets
 * through these use cases (this package does not name the runtime, which itself runs on in-memory stores when alone).
 */
public final class InMemoryAgentApi {

    public final InMemoryAgentCredentials credentials = new InMemoryAgentCredentials();
    public final InMemoryWorkQueue work;
    public final InMemorySessionRepository sessions;
    public final InMemorySessionEffects effects;
    public final InMemoryApprovalRepository approvals;
    public final InMemoryActivityLog activity = new InMemoryActivityLog();
    public final InMemoryIntegrationRepository integrations;
    public final InMemoryClientMappings mappings;
    public final InMemoryWorkflowStore workflows;
    public final InMemoryTicketSystems ticketSystems = new InMemoryTicketSystems();
    public final InMemoryToolExecutor tools = new InMemoryToolExecutor();
    public final InMemoryTokenLedger ledger = new InMemoryTokenLedger();
    public final WorkArrivals arrivals = new WorkArrivals();
    public final InMemoryMetricsRecorder metrics = new InMemoryMetricsRecorder();
    public final AgentCheckIns checkIns;
    public final InMemoryIdentityVerifications verifications = new InMemoryIdentityVerifications();
    /** The values approved calls produced, until their approver has seen them. */
    public final RevealedValues revealed;
    public final ToolGateway gateway;
    private final AgentApi api;

    /** Agents that run the runbook reasoner, with the default lease and hand-off status. */
    public InMemoryAgentApi(Clock clock, InMemoryUnitOfWork unitOfWork, ClientRepository clients, MspRepository msps,
                            AgentCheckIns checkIns) {
        this(clock, unitOfWork, clients, msps, checkIns, new TimeOrderedIdGenerator(clock),
                AgentConfiguration.ReasonerChoice.RUNBOOK, Optional.empty(), WorkTiming.DEFAULT,
                new HandoffStatus(HandoffStatus.DEFAULT), IntegrationKinds.of(), new LiveIntegrations(
                        IntegrationKinds.of(), ProviderContext.defaults(clock)));
    }

    /**
     * @param kinds the integration kinds the gateway asks whether a tool's calls need the client's mapping, and the
     *     agents' configuration which of them is a PSA
     * @param pushes how requesters are asked to confirm who they are before a sensitive tool runs
     */
    public InMemoryAgentApi(Clock clock, InMemoryUnitOfWork unitOfWork, ClientRepository clients, MspRepository msps,
                            AgentCheckIns checkIns, IdGenerator ids, AgentConfiguration.ReasonerChoice reasoner,
                            Optional<LanguageModel> model, WorkTiming timing, HandoffStatus handoff,
                            IntegrationKinds kinds, IdentityPushes pushes) {
        this.checkIns = checkIns;
        this.work = new InMemoryWorkQueue(unitOfWork);
        this.sessions = new InMemorySessionRepository(unitOfWork);
        this.effects = new InMemorySessionEffects(unitOfWork);
        this.approvals = new InMemoryApprovalRepository(unitOfWork);
        this.integrations = new InMemoryIntegrationRepository(unitOfWork);
        this.mappings = new InMemoryClientMappings(unitOfWork);
        this.workflows = new InMemoryWorkflowStore(unitOfWork);
        this.revealed = new RevealedValues(clock);
        this.gateway = new ToolGateway(integrations, mappings, clients, kinds, tools, verifications,
                pushes, revealed, activity, ids, clock, metrics);
        this.api = new AgentApi(
                new AgentGatewayService(credentials, checkIns, clients, msps, integrations, workflows, kinds, reasoner,
                        clock, ProvisioningWakeUp.NONE),
                new AgentWorkService(work, sessions, clients, approvals, effects, activity, arrivals, unitOfWork, ids,
                        clock, timing),
                new CallToolService(gateway, sessions, effects, approvals, unitOfWork, ids, clock),
                new PostToTicketService(sessions, clients, ticketSystems, effects, activity, ids, handoff, workflows, clock),
                new CallModelService(model, ledger, sessions, metrics, clock));
    }

    public AgentApi api() {
        return api;
    }
}
