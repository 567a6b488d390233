package dev.steward.application.agent;

import dev.steward.application.port.AgentCheckIns;
import dev.steward.application.port.AgentCheckIns.CheckIn;
import dev.steward.application.port.AgentCredentials;
import dev.steward.application.port.ClientRepository;
import dev.steward.application.port.IntegrationRepository;
import dev.steward.application.port.MspRepository;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.prompt.PromptTiers;
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
    private final Clock clock;

    @Inject
    public AgentGatewayService(AgentCredentials credentials, AgentCheckIns checkIns, ClientRepository clients,
                               MspRepository msps, IntegrationRepository integrations, Clock clock) {
        this.credentials = credentials;
        this.checkIns = checkIns;
        this.clients = clients;
        this.msps = msps;
        this.integrations = integrations;
        this.clock = clock;
    }

    @Override
    public Optional<AgentIdentity> authenticate(String token) {
        return credentials.verify(token)
                .flatMap(clients::find)
                .filter(client -> !client.isDestroyed())
                .map(client -> new AgentIdentity(client.id(), client.msp(), client.slug()));
    }

    @Override
    public AgentConfiguration configuration(AgentIdentity agent) {
        Client client = clients.find(agent.client()).orElseThrow(() -> new NotFound("client", agent.slug().value()));
        Msp msp = msps.find(client.msp()).orElseThrow(() -> new NotFound("msp", client.msp().toString()));
        List<AgentConfiguration.ToolGrant> tools = new ArrayList<>();
        List<Integration> connected = new ArrayList<>(integrations.list(msp.id(), Optional.empty()));
        connected.addAll(integrations.list(msp.id(), Optional.of(client.id())));
        for (Integration integration : connected) {
            for (Tool tool : integration.tools()) {
                ToolPolicy policy = integration.policyOf(tool.name());
                if (policy != ToolPolicy.DISABLED) {
                    tools.add(new AgentConfiguration.ToolGrant(tool.name(), tool.effect(), policy, tool.description()));
                }
            }
        }
        return new AgentConfiguration(client.id(), client.slug(), client.configVersion(),
                client.effectiveMode(msp.defaultMode()), PromptTiers.of(msp.prompt(), client.prompt()).compose(), tools);
    }

    @Override
    public void checkIn(AgentIdentity agent, long runningConfigVersion) {
        Client client = clients.find(agent.client()).orElseThrow(() -> new NotFound("client", agent.slug().value()));
        if (runningConfigVersion < 1 || runningConfigVersion > client.configVersion()) {
            throw new InvalidCommand(List.of(new FieldViolation("configVersion", "configVersion.unknown",
                    "must be a configuration version this agent was given (1-" + client.configVersion() + ")")));
        }
        checkIns.record(new CheckIn(client.id(), runningConfigVersion, clock.instant()));
    }
}
