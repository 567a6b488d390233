package dev.steward.adapter.web.agentgateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.adapter.web.WebServer;
import dev.steward.adapter.web.WebSettings;
import dev.steward.adapter.web.http.JsonBodies;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.adapter.web.problem.ProblemMapper;
import dev.steward.application.agent.AgentReasoning;
import dev.steward.application.agent.AgentWorkUseCase;
import dev.steward.application.agent.AgentWorker;
import dev.steward.application.agent.message.AgentConfiguration;
import dev.steward.application.agent.message.Assignment;
import dev.steward.application.agent.message.SessionOutcome;
import dev.steward.application.agent.message.ToolPhase;
import dev.steward.application.agent.message.ToolRequest;
import dev.steward.application.agentloop.AgentWorldAccess;
import dev.steward.application.agentloop.RunbookReasoner;
import dev.steward.application.inmemory.InMemoryLanguageModel;
import dev.steward.application.port.agent.ControlPlane;
import dev.steward.application.port.psa.PsaNote;
import dev.steward.application.port.reasoning.LanguageModel;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.workflow.CreateWorkflowCommand;
import dev.steward.application.workflow.WorkflowContent;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.mode.OperatingMode;
import dev.steward.domain.usage.TokenBudget;
import dev.steward.domain.usage.TokenCount;
import dev.steward.domain.workflow.AppliedWorkflow;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent API over real HTTP: an agent with its token pulls its configuration, takes work with a long poll, makes
 * every tool call and post through the control plane, and calls the model; a bad token, another client's session and
 * malformed input change nothing and never answer 500.
 */
class AgentGatewayRoutesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryLanguageModel model = new InMemoryLanguageModel("qwen2.5", request ->
            new LanguageModel.ModelAnswer("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"hi\"}}],"
                    + "\"usage\":{\"prompt_tokens\":40,\"completion_tokens\":2}}", new TokenCount(40, 2)));
    private final AgentWorldAccess world = AgentWorldAccess.withModel(AgentReasoning.runbooks(), model);
    private final Client contoso = world.client("250", OperatingMode.PLAN);
    private final Client fabrikam = world.client("300", OperatingMode.PLAN);
    private WebServer server;
    /** Every agent API request the server received, as "METHOD /path". */
    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** Takes the server is holding now, and the most it held at once. */
    private final java.util.concurrent.atomic.AtomicInteger takesHeld = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger takesEntered =
            new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger mostTakesHeld =
            new java.util.concurrent.atomic.AtomicInteger();

    @BeforeEach
    void start() {
        ToolParameter user = ToolParameter.required("user", ToolParameter.Type.STRING, "UPN");
        world.connect("m365", List.of(Tool.readOnly("m365:get-user", "Reads a user").taking(user,
                        ToolParameter.optional("top", ToolParameter.Type.INTEGER, "How many"),
                        ToolParameter.optional("all", ToolParameter.Type.BOOLEAN, "Everything")),
                Tool.write("m365:reset-password", "Resets").taking(user),
                Tool.write("m365:delete-user", "Deletes").taking(user)),
                Map.of(ToolName.of("m365:delete-user"), ToolPolicy.DISABLED));
        world.connectFor(fabrikam, "okta", List.of(Tool.readOnly("okta:get-user", "Reads an Okta user")
                .taking(user)), Map.of());
        ObjectMapper json = JsonBodies.newMapper();
        RouteGroup counting = config -> {
            config.routes.before("/agent/v1/*", ctx -> requests.add(ctx.method() + " " + ctx.path()));
            config.routes.before("/agent/v1/work/take", ctx -> {
                takesEntered.incrementAndGet();
                mostTakesHeld.accumulateAndGet(takesHeld.incrementAndGet(), Math::max);
            });
            config.routes.after("/agent/v1/work/take", ctx -> takesHeld.decrementAndGet());
        };
        server = new WebServer(new WebSettings("127.0.0.1", 0, 1 << 20), Set.of(counting, new AgentGatewayRoutes(
                world.agents().api(), new JsonBodies(json), new ProblemMapper(json))), new ProblemMapper(json), json);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    private ControlPlane agentOf(Client client) {
        return new HttpControlPlane(base(), world.agents().credentials.issue(client.id()), Optional.empty(),
                Duration.ZERO);
    }

    /** A session token of the client's agent, as an agent holds it after its first contact. */
    private String sessionOf(Client client) {
        var credentials = world.agents().credentials;
        return credentials.exchange(credentials.issue(client.id())).orElseThrow();
    }

    private String ticket(String company, String summary) {
        return world.psa().open(company, summary, "", "dana@contoso.example", Instant.parse("2026-11-22T08:59:00Z"));
    }

    private HttpResponse<String> raw(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAgentPullsItsConfigurationWithoutSecretsOrDisabledTools() {
        world.createWorkflow().create(new CreateWorkflowCommand(world.mspId(), Optional.of(contoso.slug().value()),
                new WorkflowContent("Printer", "The \"printer\" is offline.", "Restart the spooler.", List.of(),
                        List.of()), Optional.of("active"), "tech@msp.example", UserRole.MSP_TECHNICIAN));
        world.createWorkflow().create(new CreateWorkflowCommand(world.mspId(), Optional.of(contoso.slug().value()),
                new WorkflowContent("Scanner", "The \"scanner\" is offline.", "Not yet.", List.of(), List.of()),
                Optional.empty(), "tech@msp.example", UserRole.MSP_TECHNICIAN));

        AgentConfiguration config = agentOf(contoso).configuration();

        assertThat(config.client()).isEqualTo(contoso.id());
        assertThat(config.msp()).isEqualTo(world.mspId());
        assertThat(config.mode()).isEqualTo(EffectiveMode.PLAN);
        assertThat(config.tools()).extracting(t -> t.name().value())
                .containsExactlyInAnyOrder("m365:get-user", "m365:reset-password");
        assertThat(config.reasoner()).isEqualTo(AgentConfiguration.ReasonerChoice.model("qwen2.5"));
        assertThat(config.workflows()).as("the active workflows go to every reasoner, the model's too")
                .extracting(w -> w.name().value()).containsExactly("Printer");
    }

    @Test
    void theClientsAgentWorksItsTicketOverHttpAndEveryEffectGoesThroughTheControlPlane() {
        String ticket = ticket("250", "Outlook keeps asking for password");
        world.intake(ticket);
        AgentWorker agent = new AgentWorker(agentOf(contoso), (configuration, controlPlane) ->
                new RunbookReasoner(), AgentWorker.Timing.DEFAULT, () -> { },
                line -> { });

        assertThat(agent.workOnce(Duration.ZERO)).isTrue();

        assertThat(world.psa().notes(ticket)).singleElement().satisfies(note -> {
            assertThat(note.visibility()).isEqualTo(PsaNote.Visibility.INTERNAL);
            assertThat(note.text()).contains("m365:get-user (user=dana@contoso.example) → ok");
        });
        assertThat(world.executed()).extracting(i -> i.tool().value()).containsExactly("m365:get-user");
        assertThat(world.agents().work.waiting(contoso.id(), Instant.now())).isZero();
        ActivityEntry note = world.activityOf(ticket).stream().filter(e -> e.kind() == ActivityKind.NOTE)
                .findFirst().orElseThrow();
        assertThat(note.summary()).as("the applied versions travelled over HTTP with the note")
                .endsWith("\n\nWorkflows applied: MFA trouble v1, Password reset v1");
        assertThat(world.agents().workflows.usedBy(world.mspId(), note.session().orElseThrow()))
                .extracting(AppliedWorkflow::label).containsExactly("MFA trouble v1", "Password reset v1");
    }

    @Test
    void aPostNamingWorkflowsBadlyOrOnAnythingButANoteIsRefusedOnTheField() throws Exception {
        world.intake(ticket("250", "printer offline"));
        Assignment taken = agentOf(contoso).take(UUID.randomUUID(), Duration.ZERO).orElseThrow();
        String token = sessionOf(contoso);
        String posts = "agent/v1/sessions/" + taken.session().id() + "/posts";

        HttpResponse<String> malformed = raw("POST", posts, token, "{\"step\":\"n\",\"kind\":\"note\",\"text\":\"x\","
                + "\"workflows\":[{\"id\":\"not-a-uuid\",\"name\":\"VPN\",\"version\":1}]}");
        HttpResponse<String> onAReply = raw("POST", posts, token, "{\"step\":\"r\",\"kind\":\"reply\",\"text\":\"x\","
                + "\"workflows\":[{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"VPN\",\"version\":1}]}");

        assertThat(malformed.statusCode()).isEqualTo(422);
        assertThat(malformed.body()).contains("workflows.invalid");
        assertThat(onAReply.statusCode()).isEqualTo(422);
        assertThat(onAReply.body()).contains("workflows.not-a-note");
        assertThat(world.psa().allNotes()).isEmpty();
    }

    @Test
    void anIdleAgentsLongPollReturnsTheMomentWorkIsQueued() throws Exception {
        ControlPlane agent = agentOf(contoso);
        CompletableFuture<Optional<Assignment>> taking = CompletableFuture.supplyAsync(() ->
                agent.take(UUID.randomUUID(), Duration.ofSeconds(20)));
        Thread.sleep(300);
        assertThat(taking).isNotDone();

        world.intake(ticket("250", "printer offline"));

        Optional<Assignment> taken = taking.get(10, TimeUnit.SECONDS);
        assertThat(taken).hasValueSatisfying(a -> assertThat(a.task())
                .isInstanceOf(Assignment.Task.Start.class));
    }

    @Test
    void fiveHundredIdleAgentsAreHeldInTheirLongPollsAtOnceNotQueuedBehindAThreadPool() throws Exception {
        // an idle agent spends its life in a take held up to its heartbeat (20 s): the server holds each on a virtual
        // thread, so 500 waiting agents are 500 requests in flight at once, not a platform pool's 200 and a queue.
        // Each take is held as long as the API allows, and the check is "far more than a pool of 200 could hold" rather than
        // "all 500": on a loaded machine the last connections may arrive after the first takes were answered.
        String session = sessionOf(contoso);
        HttpClient client = HttpClient.newBuilder().executor(java.util.concurrent.Executors
                .newVirtualThreadPerTaskExecutor()).build();
        List<CompletableFuture<HttpResponse<Void>>> takes = new java.util.ArrayList<>();
        // (in waves of 50, each sent once the last has arrived: 500 connections opened at one instant overflow the
        // listen backlog, and a loaded machine then resets some; that is the kernel's limit, not the server's)
        for (int agent = 0; agent < 500; agent++) {
            if (agent % 50 == 0) {
                int sent = agent;
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                        .until(() -> takesEntered.get() >= sent);
            }
            takes.add(client.sendAsync(HttpRequest.newBuilder(base().resolve("agent/v1/work/take"))
                    .timeout(Duration.ofSeconds(150)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + session)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"instance\": \"" + UUID.randomUUID()
                            + "\", \"waitMillis\": " + AgentWorkUseCase.MAX_WAIT.toMillis() + "}")).build(),
                    HttpResponse.BodyHandlers.discarding()));
        }
        CompletableFuture.allOf(takes.toArray(CompletableFuture[]::new)).get(150, TimeUnit.SECONDS);
        assertThat(takes).allSatisfy(take -> assertThat(take.get().statusCode()).isEqualTo(204));
        assertThat(mostTakesHeld.get()).as("takes held at once").isGreaterThan(300);
    }

    @Test
    void aLostLeaseIsAnAnswerAndCompletingTwiceChangesNothing() {
        world.intake(ticket("250", "printer offline"));
        ControlPlane agent = agentOf(contoso);
        Assignment work = agent.take(UUID.randomUUID(), Duration.ZERO).orElseThrow();

        assertThat(agent.renew(work)).isTrue();
        assertThat(agent.complete(work, SessionOutcome.COMPLETED)).isTrue();
        assertThat(agent.renew(work)).isFalse();
        assertThat(agent.complete(work, SessionOutcome.COMPLETED)).isFalse();
    }

    @Test
    void aForgedRevokedOrReplacedTokenGets401AndNothingHappens() throws Exception {
        world.intake(ticket("250", "printer offline"));
        String revoked = sessionOf(contoso);
        world.agents().credentials.revoke(contoso.id());
        String replaced = sessionOf(contoso);
        String bootstrap = world.agents().credentials.issue(contoso.id());

        for (String token : new String[] {null, "stw_forged", revoked, replaced, bootstrap}) {
            HttpResponse<String> take = raw("POST", "agent/v1/work/take", token,
                    "{\"instance\":\"" + UUID.randomUUID() + "\",\"waitMillis\":0}");
            assertThat(take.statusCode()).as(String.valueOf(token)).isEqualTo(401);
            assertThat(take.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                    .startsWith("application/problem+json"));
            assertThat(raw("POST", "agent/v1/sessions/" + UUID.randomUUID() + "/posts", token,
                    "{\"step\":\"x\",\"kind\":\"note\",\"text\":\"forged\"}").statusCode()).isEqualTo(401);
        }
        assertThatThrownBy(() -> new HttpControlPlane(base(), revoked).configuration())
                .isInstanceOfSatisfying(PortFailure.class, e -> assertThat(e.port()).isEqualTo(ControlPlane.REFUSED));
        assertThat(world.agents().work.waiting(contoso.id(), Instant.now())).as("nothing was taken").isOne();
        assertThat(world.psa().allNotes()).isEmpty();
    }

    /**
     * Another client's agent token is a valid token of that client, so it is not refused as a token: it simply reaches
     * nothing of this client. Its take finds none of this client's work, its renew and complete of this client's item
     * are lost-lease answers, and its tool calls, posts and model calls in this client's session are 404; nothing runs,
     * nothing is posted, and the item still waits for this client's own agent.
     */
    @Test
    void anotherClientsAgentTokenReachesNothingOfThisClientAndChangesNothing() throws Exception {
        world.intake(ticket("250", "printer offline"));
        Assignment contosos = agentOf(contoso).take(UUID.randomUUID(), Duration.ZERO).orElseThrow();
        String fabrikamToken = sessionOf(fabrikam);
        ControlPlane fabrikamAgent = new HttpControlPlane(base(), fabrikamToken, Optional.empty(), Duration.ZERO);
        String session = "agent/v1/sessions/" + contosos.session().id();

        assertThat(fabrikamAgent.take(UUID.randomUUID(), Duration.ZERO)).as("none of contoso's work").isEmpty();
        assertThat(fabrikamAgent.renew(contosos)).isFalse();
        assertThat(fabrikamAgent.complete(contosos, SessionOutcome.COMPLETED)).isFalse();
        assertThat(raw("POST", session + "/tool-calls", fabrikamToken, "{\"step\":\"d1\",\"phase\":\"diagnosis\","
                + "\"tool\":\"m365:get-user\",\"arguments\":{\"user\":\"dana\"}}").statusCode()).isEqualTo(404);
        assertThat(raw("POST", session + "/posts", fabrikamToken,
                "{\"step\":\"x\",\"kind\":\"note\",\"text\":\"not yours\"}").statusCode()).isEqualTo(404);
        assertThat(raw("POST", session + "/model", fabrikamToken,
                "{\"model\":\"qwen2.5\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").statusCode())
                .isEqualTo(404);

        assertThat(world.executed()).isEmpty();
        assertThat(model.requests()).isEmpty();
        assertThat(world.psa().allNotes()).isEmpty();
        ControlPlane contososAgent = agentOf(contoso);
        assertThat(contososAgent.renew(contosos)).as("contoso's agent still holds its item").isTrue();
        assertThat(contososAgent.complete(contosos, SessionOutcome.COMPLETED)).isTrue();
    }

    @Test
    void anotherClientsSessionIsNotFoundAndItsToolsAreRefusedAndLogged() throws Exception {
        String ticket = ticket("250", "printer offline");
        world.intake(ticket);
        Assignment contosos = agentOf(contoso).take(UUID.randomUUID(), Duration.ZERO).orElseThrow();
        ControlPlane fabrikamAgent = agentOf(fabrikam);

        assertThatThrownBy(() -> fabrikamAgent.post(contosos.session().id(), new dev.steward.application.agent.message
                .TicketPost("s1", dev.steward.application.agent.message.TicketPost.Kind.NOTE, "not yours", "")))
                .isInstanceOfSatisfying(PortFailure.class, e -> assertThat(e.getMessage()).contains("404"));
        var answer = agentOf(contoso).callTool(contosos.session().id(), new ToolRequest("s2",
                ToolPhase.DIAGNOSIS, ToolName.of("okta:get-user"), Map.of("user", "dana"), "",
                Optional.empty()));

        assertThat(answer.outcome()).isEqualTo(ActivityOutcome.REFUSED_BY_POLICY);
        assertThat(answer.result()).contains("not a tool of any integration of this client");
        assertThat(world.executed()).isEmpty();
        assertThat(world.psa().allNotes()).isEmpty();
        assertThat(world.activityOf(ticket)).anyMatch(e -> e.tool().map(ToolName::value).orElse("")
                .equals("okta:get-user") && e.outcome() == ActivityOutcome.REFUSED_BY_POLICY);
    }

    @Test
    void malformedToolCallsGetAClearAnswerNeverA500() throws Exception {
        world.intake(ticket("250", "printer offline"));
        String token = sessionOf(contoso);
        ControlPlane agent = new HttpControlPlane(base(), token, Optional.empty(), Duration.ZERO);
        UUID session = agent.take(UUID.randomUUID(), Duration.ZERO).orElseThrow().session().id();
        String path = "agent/v1/sessions/" + session + "/tool-calls";

        JsonNode notAnObject = problem(raw("POST", path, token, "{\"step\":\"d1\",\"phase\":\"diagnosis\","
                + "\"tool\":\"m365:get-user\",\"arguments\":[\"dana\"]}"), 422);
        assertThat(notAnObject.path("errors").get(0).path("field").asText()).isEqualTo("arguments");
        JsonNode badTool = problem(raw("POST", path, token, "{\"step\":\"d1\",\"phase\":\"diagnosis\","
                + "\"tool\":\"get user!\",\"arguments\":{}}"), 422);
        assertThat(badTool.path("errors").get(0).path("field").asText()).isEqualTo("tool");
        assertThat(problem(raw("POST", path, token, "{\"step\":\"d1\",\"phase\":\"sometimes\",\"tool\":"
                + "\"m365:get-user\",\"arguments\":{}}"), 422).path("errors").get(0).path("field").asText())
                .isEqualTo("phase");
        problem(raw("POST", path, token, "{not json"), 400);

        var tooLong = agent.callTool(session, new ToolRequest("d2", ToolPhase.DIAGNOSIS,
                ToolName.of("m365:get-user"), Map.of("user", "x".repeat(20_000)), "", Optional.empty()));
        assertThat(tooLong.outcome()).isEqualTo(ActivityOutcome.REFUSED_BY_POLICY);
        assertThat(tooLong.result()).startsWith("arguments.user:");
        HttpResponse<String> numbers = raw("POST", path, token, "{\"step\":\"d3\",\"phase\":\"diagnosis\","
                + "\"tool\":\"m365:get-user\",\"arguments\":{\"user\":\"dana\",\"top\":5,\"all\":true}}");
        assertThat(numbers.statusCode()).isEqualTo(200);
        assertThat(world.executed()).singleElement().satisfies(i -> assertThat(i.arguments())
                .containsEntry("top", "5").containsEntry("all", "true"));
    }

    @Test
    void modelCallsGoThroughTheControlPlaneWhichCountsTheirTokensAndStopsThemWhenTheBudgetIsSpent() {
        world.intake(ticket("250", "printer offline"));
        ControlPlane agent = agentOf(contoso);
        UUID session = agent.take(UUID.randomUUID(), Duration.ZERO).orElseThrow().session().id();

        String answer = agent.model(session, "{\"model\":\"anything\",\"messages\":[]}");

        assertThat(answer).contains("\"content\":\"hi\"");
        assertThat(model.requests()).singleElement().satisfies(r -> assertThat(r).contains("\"qwen2.5\"")
                .doesNotContain("anything"));
        assertThat(world.agents().ledger.usedInSession(session)).isEqualTo(new TokenCount(40, 2));

        world.agents().ledger.setMspDefault(world.mspId(), Optional.of(new TokenBudget(42)));
        assertThatThrownBy(() -> agent.model(session, "{\"messages\":[]}"))
                .isInstanceOfSatisfying(PortFailure.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("monthly model token budget of 42 tokens is spent");
                });
        assertThat(model.requests()).hasSize(1);
    }

    @Test
    void aCheckInWithAVersionNeverIssuedIsRefused() throws Exception {
        HttpResponse<String> response = raw("POST", "agent/v1/check-ins", sessionOf(contoso),
                "{\"configVersion\": 999}");

        assertThat(response.statusCode()).isEqualTo(422);
    }

    @Test
    void aCheckInAnswersTheConfigurationVersionTheControlPlaneHolds() throws Exception {
        HttpResponse<String> response = raw("POST", "agent/v1/check-ins", sessionOf(contoso),
                "{\"configVersion\": " + contoso.configVersion() + "}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("configVersion").asLong()).isEqualTo(contoso.configVersion());
        assertThat(agentOf(contoso).checkIn(contoso.configVersion())).hasValue(contoso.configVersion());
    }

    @Test
    void aTakeCarriesTheHeartbeatAndItsAnswerTheVersionHeldWhileABadCheckInIsRefusedNamingItsField()
            throws Exception {
        String token = sessionOf(contoso);
        HttpResponse<String> taken = raw("POST", "agent/v1/work/take", token, "{\"instance\": \"" + UUID.randomUUID()
                + "\", \"waitMillis\": 0, \"checkIn\": {\"configVersion\": " + contoso.configVersion() + "}}");

        assertThat(taken.statusCode()).isEqualTo(204);
        assertThat(taken.headers().firstValue("Steward-Config-Version")).hasValue(
                Long.toString(contoso.configVersion()));
        assertThat(world.agents().checkIns.latest(contoso.id())).hasValueSatisfying(
                checkIn -> assertThat(checkIn.runningConfigVersion()).isEqualTo(contoso.configVersion()));

        JsonNode refused = problem(raw("POST", "agent/v1/work/take", sessionOf(fabrikam), "{\"instance\": \""
                + UUID.randomUUID() + "\", \"waitMillis\": 0, \"checkIn\": {\"configVersion\": 999}}"), 422);
        assertThat(refused.toString()).contains("checkIn.configVersion");
        assertThat(world.agents().checkIns.latest(fabrikam.id())).isEmpty();
    }

    /**
     * A control plane older than the agent refuses the take's unknown {@code checkIn} field (422
     * {@code body.unknown-field}) and answers check-ins with 204: the agent checks in on that route from then on.
     */
    @Test
    void anAgentNewerThanItsControlPlaneChecksInOnTheCheckInRouteInstead() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer older = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        older.createContext("/agent/v1/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String call = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            calls.add(call + (body.contains("\"checkIn\"") ? " with checkIn" : ""));
            byte[] unknownField = "{\"status\":422,\"code\":\"body.unknown-field\",\"detail\":\"checkIn: unknown\"}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (call.equals("POST /agent/v1/work/take") && body.contains("\"checkIn\"")) {
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(422, unknownField.length);
                exchange.getResponseBody().write(unknownField);
            } else {
                exchange.sendResponseHeaders(call.equals("POST /agent/v1/work/take")
                        || call.equals("POST /agent/v1/check-ins") ? 204 : 404, -1);
            }
            exchange.close();
        });
        older.start();
        try {
            ControlPlane agent = new HttpControlPlane(URI.create("http://127.0.0.1:" + older.getAddress().getPort()
                    + "/"), "stw_older");

            ControlPlane.Heartbeat first = agent.checkInAndTake(UUID.randomUUID(), Duration.ZERO, 3);
            ControlPlane.Heartbeat second = agent.checkInAndTake(UUID.randomUUID(), Duration.ZERO, 3);

            assertThat(first.latestVersion()).as("an older control plane does not say; the agent then fetches")
                    .isEmpty();
            assertThat(first.work()).isEmpty();
            assertThat(second.latestVersion()).isEmpty();
            assertThat(calls).containsExactly("POST /agent/v1/work/take with checkIn", "POST /agent/v1/check-ins",
                    "POST /agent/v1/work/take", "POST /agent/v1/check-ins", "POST /agent/v1/work/take");
        } finally {
            older.stop(0);
        }
    }

    @Test
    void anIdleAgentMakesOneRequestPerHeartbeatAndFetchesItsConfigurationOnlyWhenItChanged() throws Exception {
        AgentWorker agent = new AgentWorker(agentOf(contoso), AgentReasoning.runbooks(),
                new AgentWorker.Timing(Duration.ofMillis(200), Duration.ofMillis(200)), () -> { }, line -> { });
        CompletableFuture<Boolean> running = CompletableFuture.supplyAsync(() -> {
            try {
                return agent.run();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> requests.stream().filter(r -> r.endsWith("/work/take")).count() >= 5);
            assertThat(requests).filteredOn(r -> !r.endsWith("/work/take"))
                    .as("after its first configuration, an idle agent only long-polls (each poll its heartbeat)")
                    .containsExactly("POST /agent/v1/sessions", "GET /agent/v1/configuration");
            assertThat(world.agents().checkIns.latest(contoso.id())).hasValueSatisfying(
                    checkIn -> assertThat(checkIn.runningConfigVersion()).isEqualTo(contoso.configVersion()));

            Client changed = world.clients().update(world.clients().find(contoso.id()).orElseThrow()
                    .reconfigured("prompt", world.now()));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    world.agents().checkIns.latest(contoso.id()).orElseThrow().runningConfigVersion())
                    .isEqualTo(changed.configVersion()));
            assertThat(agent.configuration()).hasValueSatisfying(
                    c -> assertThat(c.version()).isEqualTo(changed.configVersion()));
            assertThat(requests).filteredOn(r -> r.endsWith("/configuration")).as("fetched again once").hasSize(2);
        } finally {
            agent.close();
        }
        assertThat(running.get(10, TimeUnit.SECONDS)).isTrue();
    }

    /** The review's reproduction: a malformed check-in was a 500 with a stack trace in the log. */
    @Test
    void aMalformedCheckInOrOneWithUnknownFieldsIs400AndRecordsNothing() throws Exception {
        String token = sessionOf(contoso);
        for (String body : new String[] {"{\"configVersion\": ", "not json", "{\"configVersion\": 1, \"evil\": true}",
                "{\"configVersion\": \"one\"}", "[]", ""}) {
            HttpResponse<String> response = raw("POST", "agent/v1/check-ins", token, body);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(response.body()).as(body).doesNotContain("Exception").doesNotContain("at dev.steward");
        }
        assertThat(world.agents().checkIns.latest(contoso.id())).isEmpty();
    }

    @Test
    void anUnreachableControlPlaneIsRetryable() {
        URI gone = base();
        server.close();
        assertThatThrownBy(() -> new HttpControlPlane(gone, "stw_x").configuration())
                .isInstanceOfSatisfying(PortFailure.class, e -> assertThat(e.retryable()).isTrue());
    }

    private static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return JSON.readTree(response.body());
    }

    @Test
    void theBootstrapTokenIsTradedOnceForASessionTokenThatAnAgentKeepsAcrossARestart() throws Exception {
        String bootstrap = world.agents().credentials.issue(contoso.id());
        java.nio.file.Path sessionFile = java.nio.file.Files.createTempDirectory("agent").resolve("session");

        new HttpControlPlane(base(), bootstrap, Optional.of(sessionFile)).checkIn(contoso.configVersion());
        assertThat(world.agents().checkIns.latest(contoso.id())).isPresent();
        assertThat(sessionFile).content().startsWith("stw_");
        assertThat(java.nio.file.Files.getPosixFilePermissions(sessionFile))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

        // the engine restarts the container: same environment (a spent bootstrap token), same session file
        assertThat(new HttpControlPlane(base(), bootstrap, Optional.of(sessionFile)).configuration().client())
                .isEqualTo(contoso.id());
        // whoever reads the environment later (docker inspect) holds nothing reusable
        assertThatThrownBy(() -> new HttpControlPlane(base(), bootstrap).configuration())
                .isInstanceOfSatisfying(PortFailure.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.port()).isEqualTo(ControlPlane.REFUSED);
                });
        assertThat(raw("GET", "agent/v1/configuration", bootstrap, null).statusCode())
                .as("a bootstrap token is no session credential").isEqualTo(401);
    }
}
