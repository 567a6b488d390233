package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model reasoner through the real server: {@code STEWARD_REASONER=openai} pointed at a stub chat-completions
 * server, a ConnectWise stub, a plan-mode client. The model asks for a write tool mid-diagnosis; plan mode refuses it
 * at the gateway (activity: refused by mode), nothing writes, and the ticket still gets exactly one internal note
 * with the model's diagnosis and plan.
 */
class LlmPlanModeIT {

    private static final List<WireMockServer> MODEL_SERVERS = new ArrayList<>();
    private static final StubChatModel MODEL = new StubChatModel();
    private static PlanModeWorld world;

    @BeforeAll
    static void start() throws Exception {
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
    }

    @Test
    void theModelsWriteRequestIsRefusedByModeAndTheTicketGetsOneInternalNoteWithItsPlan() throws Exception {
        StubPsa psa = world.psa("connectwise");
        long ticket = world.newTicket("connectwise", "Outlook keeps asking for password");

        assertThat(world.webhook("connectwise", psa.ticketCreated(ticket)).statusCode()).isEqualTo(202);
        psa.firstNote(ticket).get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> world.activityOf("connectwise", ticket).size() == 5);

        List<ObjectNode> notes = psa.notesOf(ticket);
        assertThat(notes).singleElement().satisfies(note -> assertThat(psa.internal(note)).isTrue());
        assertThat(notes.getFirst().path("text").asText())
                .contains("Dana's sign-in sessions are stale after the MFA change.")
                .contains("Plan (not executed: plan mode)").contains("m365:revoke-sessions");
        List<JsonNode> oldestFirst = world.activityOf("connectwise", ticket).reversed();
        assertThat(oldestFirst).extracting(e -> e.path("kind").asText() + " " + e.path("tool").asText("") + " "
                + e.path("outcome").asText()).containsExactly("request  ok", "tool-call m365:get-user ok",
                "tool-call m365:reset-password refused_by_mode", "tool-call m365:list-sign-ins ok", "note  ok");
        assertThat(world.cloud().changes()).as("plan mode writes nothing in any tenant").isEmpty();
        assertThat(MODEL.requestBodies()).isNotEmpty().noneMatch(body -> body.contains(StubChatModel.KEY));
        assertThat(MODEL.requestBodies().getLast()).contains("refused by mode");
    }

    @Test
    void aDryRunOfAModelReasoningClientCallsTheModelThroughTheGatewayAndBooksItsTokens() throws Exception {
        String slug = PlanModeWorld.slugOf("connectwise");
        long tokensBefore = usage(slug).path("tokensTotal").asLong();
        int modelCallsBefore = MODEL.requestBodies().size();

        HttpResponse<String> run = world.api("POST", "/api/v1/clients/" + slug + "/dry-runs",
                "{\"text\": \"Outlook keeps asking for password\"}");

        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        assertThat(StubPsa.JSON.readTree(run.body()).path("note").asText())
                .contains("Dana's sign-in sessions are stale after the MFA change.");
        assertThat(MODEL.requestBodies().size()).isGreaterThan(modelCallsBefore);
        assertThat(usage(slug).path("tokensTotal").asLong()).as("a dry run's model tokens are booked to the client")
                .isGreaterThan(tokensBefore);
        assertThat(world.cloud().changes()).as("a dry run writes nothing in any tenant").isEmpty();
    }

    @Test
    void webhookToNoteOverTwoHundredTicketsWithTheModelReasoner() throws Exception {
        List<Long> sorted = world.timeWebhookToNote("connectwise", "Outlook keeps asking for password",
                PsaPlanModeIT.TIMED_TICKETS);
        System.out.printf("connectwise webhook -> internal note over %d tickets (real server, embedded PostgreSQL, "
                        + "openai reasoner on a local stub model, 4 completions per ticket): p50 %.1f ms, p99 %.1f ms, "
                        + "max %.1f ms%n", sorted.size(), PlanModeWorld.percentile(sorted, 50) / 1000.0,
                PlanModeWorld.percentile(sorted, 99) / 1000.0, sorted.getLast() / 1000.0);
        assertThat(PlanModeWorld.percentile(sorted, 99)).isLessThan(Duration.ofSeconds(10).toNanos() / 1_000);
    }

    private static JsonNode usage(String slug) throws Exception {
        return StubPsa.JSON.readTree(world.api("GET", "/api/v1/clients/" + slug + "/usage", null).body());
    }
}
