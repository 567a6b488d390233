package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.steward.adapter.mcp.EverythingServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A custom MCP server end to end through the real server (embedded PostgreSQL, in-process runtime, the model reasoner
 * on a stub chat model) against the reference server no one here wrote, {@code @modelcontextprotocol/server-everything}
 * over Streamable HTTP: connected over the API (bad values refused naming the field, nothing kept; a second server of
 * the same name refused), its tools shown with their seeded policies, refreshed on demand, its echo tool
 * offered to the model with the server's input schema and called through the tool gateway with an activity entry; stopped, its tool
 * fails as a tool error, the ticket still gets its note, and the integration shows since when it is unreachable.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class McpIT {

    private static final String PSA = "connectwise";
    private static final String MESSAGE = "checking the RMM for Dana";
    private static final List<WireMockServer> MODEL_SERVERS = new ArrayList<>();
    private static final StubChatModel MODEL = new StubChatModel(List.of(new StubChatModel.Call(
            "mcp__everything__echo", "{\"message\":\"" + MESSAGE + "\"}")),
            "{\"diagnosis\":\"The RMM answered.\",\"plan\":[]}");
    private static EverythingServer everything;
    private static PlanModeWorld world;

    @BeforeAll
    static void start() throws Exception {
        everything = EverythingServer.startHttp();
        WireMockServer model = PlanModeWorld.serve(MODEL, MODEL_SERVERS);
        world = PlanModeWorld.start(Map.of("STEWARD_REASONER", "openai", "STEWARD_LLM_URL", model.baseUrl(),
                "STEWARD_LLM_MODEL", "qwen2.5-14b-instruct", "STEWARD_LLM_API_KEY", StubChatModel.KEY),
                List.of(new StubConnectWise()));
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
        MODEL_SERVERS.forEach(WireMockServer::stop);
        if (everything != null) {
            everything.close();
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return StubPsa.JSON.readTree(response.body());
    }

    private static HttpResponse<String> connect(String kind, String url) throws Exception {
        return world.api("POST", "/api/v1/integrations", "{\"kind\":\"" + kind + "\",\"settings\":{\"url\":\""
                + url + "\"}}");
    }

    private static List<JsonNode> mcpIntegrations() throws Exception {
        return StreamSupport.stream(json(world.api("GET", "/api/v1/integrations", null)).path("items").spliterator(),
                false).filter(i -> i.path("kind").asText().startsWith("mcp")).toList();
    }

    private static JsonNode tool(JsonNode integration, String name) {
        return StreamSupport.stream(integration.path("tools").spliterator(), false)
                .filter(t -> t.path("name").asText().equals(name)).findFirst().orElseThrow();
    }

    private static String fieldOf(HttpResponse<String> refused) throws Exception {
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        return json(refused).path("errors").get(0).path("field").asText();
    }

    /** The ticket's webhook delivered, its note written; the activity entry of its echo call. */
    private static JsonNode echoCallOf(StubPsa psa, long ticket) throws Exception {
        assertThat(world.webhook(PSA, psa.ticketCreated(ticket)).statusCode()).isEqualTo(202);
        psa.firstNote(ticket).get(60, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> world.activityOf(PSA, ticket).stream()
                .anyMatch(e -> e.path("tool").asText().equals("mcp:everything:echo")));
        return world.activityOf(PSA, ticket).stream()
                .filter(e -> e.path("tool").asText().equals("mcp:everything:echo")).findFirst().orElseThrow();
    }

    @Test
    @Order(1)
    void badValuesAreRefusedNamingTheFieldAndNothingIsKeptThenTheServerConnectsWithItsToolsAndSchemas()
            throws Exception {
        assertThat(fieldOf(connect("mcp:everything", "ftp://127.0.0.1/mcp"))).isEqualTo("settings.url");
        assertThat(fieldOf(connect("mcp:everything", world.cloudUrl() + "/mcp"))).as("a server that is not MCP")
                .isEqualTo("settings.url");
        assertThat(fieldOf(connect("mcp:Every Thing", everything.url()))).isEqualTo("kind");
        assertThat(mcpIntegrations()).as("nothing kept").isEmpty();

        HttpResponse<String> connected = connect("mcp:everything", everything.url());
        assertThat(connected.statusCode()).as(connected.body()).isEqualTo(201);
        JsonNode echo = tool(json(connected), "mcp:everything:echo");
        assertThat(echo.path("description").asText()).isNotBlank();
        assertThat(echo.path("policy").asText()).as("annotated read-only").isEqualTo("auto");
        json(connected).path("tools").forEach(t -> {
            if (t.path("name").asText().startsWith("mcp:everything:toggle-")) {
                assertThat(t.path("policy").asText()).as("%s is not read-only", t).isEqualTo("approval_needed");
            }
        });

        HttpResponse<String> again = connect("mcp:everything", everything.url());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(mcpIntegrations()).hasSize(1);

        HttpResponse<String> refreshed = world.api("POST", "/api/v1/integrations/" + json(connected).path("id")
                .asText() + "/refresh", null);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(json(refreshed).path("tools").findValuesAsText("name"))
                .containsExactlyInAnyOrderElementsOf(json(connected).path("tools").findValuesAsText("name"));
    }

    @Test
    @Order(2)
    void aTicketsDiagnosisCallsTheServersEchoThroughTheGatewayAndItShowsInActivity() throws Exception {
        StubPsa psa = world.psa(PSA);
        long ticket = world.newTicket(PSA, "The RMM agent on Dana's laptop is offline");
        JsonNode call = echoCallOf(psa, ticket);
        assertThat(call.path("outcome").asText()).isEqualTo("ok");
        assertThat(call.path("summary").asText()).contains(MESSAGE);
        JsonNode offered = StreamSupport.stream(StubPsa.JSON.readTree(MODEL.requestBodies().getFirst())
                .path("tools").spliterator(), false).map(t -> t.path("function"))
                .filter(f -> f.path("name").asText().equals("mcp__everything__echo")).findFirst().orElseThrow();
        assertThat(offered.path("parameters").path("properties").has("message"))
                .as("the model is shown the server's own input schema: %s", offered).isTrue();
        assertThat(MODEL.requestBodies().getLast()).contains(MESSAGE);
        assertThat(psa.notesOf(ticket)).singleElement().satisfies(note -> assertThat(psa.internal(note)).isTrue());
    }

    @Test
    @Order(3)
    void aServerThatIsDownFailsAsAToolErrorTheTicketGetsItsNoteAndTheIntegrationShowsSinceWhen() throws Exception {
        everything.close();
        StubPsa psa = world.psa(PSA);
        long ticket = world.newTicket(PSA, "The RMM agent on Dana's desktop is offline");
        JsonNode call = echoCallOf(psa, ticket);
        assertThat(call.path("outcome").asText()).isEqualTo("failed");
        assertThat(psa.notesOf(ticket)).singleElement().satisfies(note -> assertThat(psa.internal(note)).isTrue());

        JsonNode integration = mcpIntegrations().getFirst();
        assertThat(integration.path("unreachableSince").isTextual()).as(integration.toString()).isTrue();
        HttpResponse<String> refresh = world.api("POST", "/api/v1/integrations/" + integration.path("id").asText()
                + "/refresh", null);
        assertThat(refresh.statusCode()).as("a server that is down is no 500: " + refresh.body()).isEqualTo(503);
    }
}
