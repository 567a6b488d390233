package dev.steward.adapter.web.agentgateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.adapter.web.WebServer;
import dev.steward.adapter.web.http.JsonBodies;
import dev.steward.adapter.web.problem.ProblemMapper;
import dev.steward.adapter.web.WebSettings;
import dev.steward.application.agent.AgentConfiguration;
import dev.steward.application.agent.AgentGatewayService;
import dev.steward.application.agent.AgentWorker;
import dev.steward.application.inmemory.InMemoryAgentCheckIns;
import dev.steward.application.inmemory.InMemoryAgentCredentials;
import dev.steward.application.inmemory.InMemoryClientRepository;
import dev.steward.application.inmemory.InMemoryIntegrationRepository;
import dev.steward.application.inmemory.InMemoryMspRepository;
import dev.steward.application.inmemory.InMemoryUnitOfWork;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.testkit.Fixtures;
import dev.steward.application.testkit.MutableClock;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.prompt.PromptText;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgentGatewayRoutesTest {

    private final MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");
    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryClientRepository clients = new InMemoryClientRepository(unitOfWork);
    private final InMemoryMspRepository msps = new InMemoryMspRepository(unitOfWork);
    private final InMemoryIntegrationRepository integrations = new InMemoryIntegrationRepository(unitOfWork);
    private final InMemoryAgentCredentials credentials = new InMemoryAgentCredentials();
    private final InMemoryAgentCheckIns checkIns = new InMemoryAgentCheckIns();
    private WebServer server;
    private Msp msp;
    private Client client;

    @BeforeEach
    void start() {
        msp = msps.add(Fixtures.anMsp().withPrompt(PromptText.of("Be brief.")).withDefaultMode(EffectiveMode.EXECUTE));
        client = clients.add(Fixtures.aClient().inMsp(msp).active().build());
        integrations.add(Integration.connect(new IntegrationId(UUID.randomUUID()), msp.id(), Optional.empty(), "m365",
                List.of(Tool.readOnly("m365:get-user", "Reads a user"), Tool.write("m365:reset-password", "Resets"),
                        Tool.write("m365:delete-user", "Deletes")),
                Map.of(ToolName.of("m365:delete-user"), ToolPolicy.DISABLED), clock.instant()));
        AgentGatewayService gateway = new AgentGatewayService(credentials, checkIns, clients, msps, integrations, clock);
        ObjectMapper json = JsonBodies.newMapper();
        server = new WebServer(new WebSettings("127.0.0.1", 0, 1 << 20), Set.of(new AgentGatewayRoutes(gateway)),
                new ProblemMapper(json), json).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    @Test
    void anAgentPullsItsConfigurationWithoutSecretsOrDisabledTools() {
        String token = credentials.issue(client.id());

        AgentConfiguration config = new HttpControlPlane(base(), token).configuration();

        assertThat(config.client()).isEqualTo(client.id());
        assertThat(config.version()).isEqualTo(client.configVersion());
        assertThat(config.mode()).isEqualTo(EffectiveMode.EXECUTE);
        assertThat(config.prompt().text()).contains("Be brief.");
        assertThat(config.tools()).extracting(t -> t.name().value())
                .containsExactlyInAnyOrder("m365:get-user", "m365:reset-password");
        assertThat(config.tools()).filteredOn(t -> t.name().value().equals("m365:reset-password"))
                .extracting(AgentConfiguration.ToolGrant::policy).containsExactly(ToolPolicy.APPROVAL_NEEDED);
    }

    @Test
    void aHeartbeatRecordsTheVersionTheAgentRuns() {
        String token = credentials.issue(client.id());
        AgentWorker worker = new AgentWorker(new HttpControlPlane(base(), token), Duration.ofSeconds(1));

        worker.beatOnce();

        assertThat(checkIns.latest(client.id())).hasValueSatisfying(checkIn -> {
            assertThat(checkIn.runningConfigVersion()).isEqualTo(client.configVersion());
            assertThat(checkIn.at()).isEqualTo(clock.instant());
        });
    }

    @Test
    void aRevokedOrUnknownTokenIsRefusedWith401AndTheAgentStops() throws Exception {
        String token = credentials.issue(client.id());
        credentials.revoke(client.id());

        assertThatThrownBy(() -> new HttpControlPlane(base(), token).configuration())
                .isInstanceOfSatisfying(PortFailure.class, e -> assertThat(e.retryable()).isFalse());
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base().resolve("agent/v1/configuration")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(checkIns.latest(client.id())).isEmpty();
    }

    @Test
    void aReissuedTokenReplacesTheOldOne() {
        String old = credentials.issue(client.id());
        String current = credentials.issue(client.id());

        assertThatThrownBy(() -> new HttpControlPlane(base(), old).configuration()).isInstanceOf(PortFailure.class);
        assertThat(new HttpControlPlane(base(), current).configuration().client()).isEqualTo(client.id());
    }

    @Test
    void aCheckInWithAVersionNeverIssuedIsRefused() throws Exception {
        String token = credentials.issue(client.id());
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base().resolve("agent/v1/check-ins"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"configVersion\": 999}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(checkIns.latest(client.id())).isEmpty();
    }

    @Test
    void anUnreachableControlPlaneIsRetryable() {
        URI gone = base();
        server.close();
        assertThatThrownBy(() -> new HttpControlPlane(gone, "stw_x").configuration())
                .isInstanceOfSatisfying(PortFailure.class, e -> assertThat(e.retryable()).isTrue());
    }
}
