package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 5's "done means", through the real server (embedded PostgreSQL, in-process runtime, runbook reasoner): for
 * each of ConnectWise, HaloPSA and Autotask, a stub of the PSA's API connected for the MSP, a client in plan mode
 * mapped to the PSA company, and a signed webhook POSTed to {@code /hooks/psa/{msp}/{kind}} → exactly one internal
 * note on the ticket, and the activity API shows the request, the read-only tool calls and the note; a replayed
 * webhook adds nothing. Then webhook → note over 200 tickets per PSA, p50/p99 printed (docs/benchmarks.md).
 */
class PsaPlanModeIT {

    static final int TIMED_TICKETS = 200;
    private static PlanModeWorld world;

    @BeforeAll
    static void start() throws Exception {
        world = PlanModeWorld.start(Map.of(), List.of(new StubConnectWise(), new StubHaloPsa(), new StubAutotask()));
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"connectwise", "halopsa", "autotask"})
    void aSignedWebhookEndsWithExactlyOneInternalNoteAndAFullActivityTrail(String kind) throws Exception {
        StubPsa psa = world.psa(kind);
        // every PSA names the requester by address (Autotask through the ticket's contact), none in the text
        long ticket = world.newTicket(kind, "I forgot my password");
        StubPsa.Delivery delivery = psa.ticketCreated(ticket);

        assertThat(world.webhook(kind, delivery).statusCode()).isEqualTo(202);
        psa.firstNote(ticket).get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> world.activityOf(kind, ticket).size() == 5);

        List<ObjectNode> notes = psa.notesOf(ticket);
        assertThat(notes).singleElement().satisfies(note -> assertThat(psa.internal(note)).isTrue());
        assertThat(notes.getFirst().toString()).contains("Plan (not executed: plan mode)")
                .contains("m365:reset-password");
        List<JsonNode> oldestFirst = world.activityOf(kind, ticket).reversed();
        assertThat(oldestFirst).extracting(e -> e.path("kind").asText())
                .containsExactly("request", "tool-call", "tool-call", "tool-call", "note");
        assertThat(oldestFirst.getFirst().path("summary").asText()).contains("I forgot my password");
        assertThat(oldestFirst.subList(1, 4)).extracting(e -> e.path("tool").asText() + " " + e.path("outcome").asText())
                .containsExactly(kind + ":get-ticket ok", "m365:get-user ok", "m365:list-sign-ins ok");
        assertThat(oldestFirst.get(1).path("summary").asText()).as("real data from the ticket")
                .contains("Ticket " + ticket, "I forgot my password");
        assertThat(oldestFirst.get(2).path("summary").asText()).as("real data of the user")
                .contains("Dana Reyes", "sign-in: enabled", "Microsoft Authenticator (Pixel 8)");
        assertThat(world.cloud().graphRequests(world.tenantOf(kind).id())).as("the client's own tenant, read only")
                .isNotEmpty().allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));
        assertThat(world.cloud().changes()).as("plan mode writes nothing").isEmpty();

        int readsBeforeReplay = psa.reads(ticket);
        assertThat(world.webhook(kind, delivery).statusCode()).as("a replayed delivery does no work twice")
                .isEqualTo(204);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() ->
                psa.reads(ticket) == readsBeforeReplay && psa.notesOf(ticket).size() == 1
                        && world.activityOf(kind, ticket).size() == 5);

        StubPsa.Delivery forged = delivery.with(psa.authenticationHeader(), "Basic c3Rld2FyZDpndWVzcw==");
        assertThat(world.webhook(kind, forged).statusCode()).as("a forged delivery").isEqualTo(401);
    }

    @Test
    void aWorkflowActivatedForAClientOverTheApiDrivesItsTicketsAndNoOtherClients() throws Exception {
        String workflow = """
                {"name": "Printer", "trigger": "The \\"printer\\" is offline.", "status": "active",
                 "instructions": "Check the user, then plan signing out the stale session.",
                 "checks": [{"tool": "m365:get-user", "arguments": {"user": "{requester}"}}],
                 "actions": [{"tool": "m365:revoke-sessions", "arguments": {"user": "{requester}"},
                              "reason": "the print server holds a stale session"}]}""";
        assertThat(world.api("POST", "/api/v1/clients/" + PlanModeWorld.slugOf("connectwise") + "/workflows",
                workflow).statusCode()).isEqualTo(201);

        long ticket = world.newTicket("connectwise", "Printer offline since this morning");
        assertThat(world.webhook("connectwise", world.psa("connectwise").ticketCreated(ticket)).statusCode())
                .isEqualTo(202);
        world.psa("connectwise").firstNote(ticket).get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> world.activityOf("connectwise", ticket).size() == 3);

        assertThat(world.psa("connectwise").notesOf(ticket)).singleElement().satisfies(note -> assertThat(
                note.toString()).contains("Printer").contains("m365:revoke-sessions")
                .contains("the print server holds a stale session"));
        assertThat(world.activityOf("connectwise", ticket).reversed()).extracting(e -> e.path("kind").asText()
                + " " + e.path("tool").asText("")).containsExactly("request ", "tool-call m365:get-user", "note ");
        // the session's record of the version it used, read back through the activity API from PostgreSQL
        String session = world.activityOf("connectwise", ticket).getFirst().path("session").asText();
        JsonNode page = StubPsa.JSON.readTree(world.api("GET", "/api/v1/clients/" + PlanModeWorld.slugOf("connectwise")
                + "/activity?ticket=" + ticket, null).body());
        assertThat(page.path("sessions").path(session)).extracting(w -> w.path("name").asText() + " v"
                + w.path("version").asInt()).containsExactly("Printer v1");

        long otherClients = world.newTicket("halopsa", "Printer offline since this morning");
        assertThat(world.webhook("halopsa", world.psa("halopsa").ticketCreated(otherClients)).statusCode())
                .isEqualTo(202);
        world.psa("halopsa").firstNote(otherClients).get(30, TimeUnit.SECONDS);
        assertThat(world.psa("halopsa").notesOf(otherClients)).singleElement().satisfies(note -> assertThat(
                note.toString()).contains("No workflow matches").doesNotContain("stale session"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"connectwise", "halopsa", "autotask"})
    void webhookToNoteOverTwoHundredTickets(String kind) throws Exception {
        List<Long> sorted = world.timeWebhookToNote(kind, "I am locked out, password expired", TIMED_TICKETS);
        System.out.printf("%s webhook -> internal note over %d tickets (real server, embedded PostgreSQL, runbook "
                        + "reasoner): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", kind, sorted.size(),
                PlanModeWorld.percentile(sorted, 50) / 1000.0, PlanModeWorld.percentile(sorted, 99) / 1000.0,
                sorted.getLast() / 1000.0);
        assertThat(PlanModeWorld.percentile(sorted, 99)).as("p99 in microseconds, generous for a loaded machine")
                .isLessThan(Duration.ofSeconds(10).toNanos() / 1_000);
    }
}
