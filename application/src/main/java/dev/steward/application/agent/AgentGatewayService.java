package dev.steward.application.agent;

import dev.steward.application.agent.message.AgentConfiguration;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.port.reasoning.WorkflowStore;
import dev.steward.application.port.runtime.AgentCheckIns;
import dev.steward.application.port.runtime.AgentCheckIns.CheckIn;
import dev.steward.application.port.runtime.AgentCredentials;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.NotFound;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.application.provisioning.ProvisioningWakeUp;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.PsaMapping;
import dev.steward.domain.diagnostics.Diagnostics.ResourceUsage;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationCapability;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.prompt.PromptTiers;
import dev.steward.domain.workflow.Workflow;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class AgentGatewayService implements AgentGatewayUseCase {

    private final AgentCredentials credentials;
    private final AgentCheckIns checkIns;
    private final ClientRepository clients;
    private final MspRepository msps;
    private final IntegrationRepository integrations;
    private final WorkflowStore workflows;
    private final IntegrationKinds kinds;
    private final AgentConfiguration.ReasonerChoice reasoner;
    private final Clock clock;
    private final ProvisioningWakeUp provisioning;

    @Inject
    public AgentGatewayService(AgentCredentials credentials, AgentCheckIns checkIns, ClientRepository clients,
                               MspRepository msps, IntegrationRepository integrations, WorkflowStore workflows,
                               IntegrationKinds kinds, AgentConfiguration.ReasonerChoice reasoner, Clock clock,
                               ProvisioningWakeUp provisioning) {
        this.credentials = credentials;
        this.checkIns = checkIns;
        this.clients = clients;
        this.msps = msps;
        this.integrations = integrations;
        this.workflows = workflows;
        this.kinds = kinds;
        this.reasoner = reasoner;
        this.clock = clock;
        this.provisioning = provisioning;
    }

    @Override
    public Optional<String> startSession(String bootstrapToken) {
        return credentials.exchange(bootstrapToken);
    }

    @Override
    public Optional<AgentIdentity> authenticate(String token) {
        return credentials.verify(token)
                .flatMap(clients::find)
                .filter(client -> !client.isDestroyed())
                // a suspended MSP's agents are refused: they get no configuration and no work
                .filter(client -> msps.find(client.msp()).map(Msp::active).orElse(false))
                .map(client -> new AgentIdentity(client.id(), client.msp(), client.slug()));
    }

    @Override
    public AgentConfiguration configuration(AgentIdentity agent) {
        Client client = clients.find(agent.client()).orElseThrow(() -> new NotFound("client", agent.slug().value()));
        Msp msp = msps.find(client.msp()).orElseThrow(() -> new NotFound("msp", client.msp().toString()));
        List<AgentConfiguration.ToolGrant> tools = new ArrayList<>();
        List<Integration> connected = new ArrayList<>(integrations.list(msp.id(), Optional.empty()));
        connected.addAll(integrations.list(msp.id(), Optional.of(client.id())));
        Optional<String> psa = client.psaMapping().map(PsaMapping::integrationKind);
        List<Integration> offered = connected.stream().filter(i -> !isPsa(i) || psa.equals(Optional.of(i.kind())))
                .toList();
        for (Integration integration : offered) {
            for (Tool tool : integration.tools()) {
                ToolPolicy policy = integration.policyOf(tool.name());
                if (policy != ToolPolicy.DISABLED) {
                    tools.add(new AgentConfiguration.ToolGrant(tool.name(), tool.effect(), policy, tool.description(),
                            tool.input()));
                }
            }
        }
        List<Workflow> written = workflows.forClient(msp.id(), client.id()).stream().filter(Workflow::isActive)
                .toList();
        return new AgentConfiguration(client.id(), msp.id(), client.slug(), client.configVersion(),
                client.effectiveMode(msp.defaultMode()), PromptTiers.of(msp.prompt(), client.prompt()).compose(), tools,
                psa.filter(kind -> offered.stream().anyMatch(i -> i.kind().equals(kind))), reasoner, written);
    }

    /**
     * Whether the integration is a PSA, as its provider's catalog says (never a guess from tool names). An MSP may
     * connect several PSAs; a client's tickets live in the one it is mapped to, and the tool gateway refuses the
     * others' tools for it, so the agent is given only that one's, and a workflow's {@code psa:<tool>} names it.
     */
    private boolean isPsa(Integration integration) {
        return kinds.kind(integration.kind()).map(kind -> kind.has(IntegrationCapability.PSA)).orElse(false);
    }

    @Override
    public long checkIn(AgentIdentity agent, long runningConfigVersion, Optional<ResourceUsage> usage) {
        Client client = clients.find(agent.client()).orElseThrow(() -> new NotFound("client", agent.slug().value()));
        List<FieldViolation> violations = new ArrayList<>();
        if (runningConfigVersion < 1 || runningConfigVersion > client.configVersion()) {
            violations.add(new FieldViolation("configVersion", "configVersion.unknown",
                    "must be a configuration version this agent was given (1-" + client.configVersion() + ")"));
        }
        usage.ifPresent(u -> {
            notNegative(violations, "cpuPercent", u.cpuPercent());
            notNegative(violations, "memoryUsedBytes", u.memoryUsedBytes());
            notNegative(violations, "memoryLimitBytes", u.memoryLimitBytes());
            notNegative(violations, "networkRxBytes", u.networkRxBytes());
            notNegative(violations, "networkTxBytes", u.networkTxBytes());
            notNegative(violations, "blockReadBytes", u.blockReadBytes());
            notNegative(violations, "blockWriteBytes", u.blockWriteBytes());
        });
        if (!violations.isEmpty()) {
            throw new InvalidCommand(violations);
        }
        checkIns.record(new CheckIn(client.id(), runningConfigVersion, clock.instant(), usage));
        if (client.awaitsAcknowledgementOf(runningConfigVersion)) {
            // the reconciler records it active now rather than at its next pass (idle heartbeats wake nothing); the
            // check-in is stored by then (it is written in a transaction of its own)
            provisioning.wakeUp(client.id());
        }
        return client.configVersion();
    }

    private static void notNegative(List<FieldViolation> violations, String figure, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            violations.add(new FieldViolation("usage." + figure, "usage.invalid",
                    "must be a finite number, zero or more (got " + value + ")"));
        }
    }
}
