package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.adapter.docs.FakeHudu;
import dev.steward.adapter.duo.FakeDuo;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A password stored in the client's documentation, handed to a technician end to end through the real server
 * (embedded PostgreSQL, in-process runtime, runbook reasoner), Hudu against its stateful stub and Duo against
 * {@link FakeDuo}: get-password is disabled on connect, so the agent's planned call is refused until the MSP enables
 * it (approval needed); then the requester is verified by a Duo push after the approval, the value is read from the
 * client's own Hudu company once, and the approving technician reads it once over
 * {@code POST /api/v1/approvals/{id}/revealed-values}. It is in no note, reply, activity entry, approval or log line
 * (every event of Steward's loggers captured, at every level).
 */
class DocsPasswordRevealIT {

    private static final String KIND = "halopsa";
    private static final String SLUG = PlanModeWorld.slugOf(KIND);
    private static final String SECRET = "Gu3st-W1fi-" + Long.toHexString(System.nanoTime());
    private static final FakeHudu HUDU = new FakeHudu();
    private static final FakeDuo DUO = new FakeDuo();
    private static final CapturedLogLines LOGS = new CapturedLogLines();
    private static PlanModeWorld world;
    private static long passwordId;
    private static String huduId;

    @BeforeAll
    static void start() throws Exception {
        LOGS.start();
        world = PlanModeWorld.start(Map.of(), List.of(new StubHaloPsa()));
        world.connect("duo", Map.of("apiHost", world.serve(DUO), "integrationKey", FakeDuo.IKEY,
                "secretKey", FakeDuo.SKEY));
        world.connect("hudu", Map.of("url", world.serve(HUDU), "apiKey", FakeHudu.API_KEY));
        long contoso = HUDU.company("Contoso");
        long other = HUDU.company("Fabrikam");
        passwordId = HUDU.password(contoso, "Guest Wi-Fi", "guest", SECRET);
        HUDU.password(other, "Guest Wi-Fi", "guest", "not-this-clients-" + SECRET);
        huduId = StreamSupport.stream(json(world.api("GET", "/api/v1/integrations", null)).path("items")
                .spliterator(), false).filter(i -> i.path("kind").asText().equals("hudu")).findFirst().orElseThrow()
                .path("id").asText();
        ok(world.api("PUT", "/api/v1/clients/" + SLUG + "/mappings/hudu", "{\"externalId\":\"" + contoso + "\"}"));
        ok(world.api("PUT", "/api/v1/clients/" + SLUG + "/mode", "{\"mode\":\"execute\"}"));
        HttpResponse<String> workflow = world.api("POST", "/api/v1/clients/" + SLUG + "/workflows", """
                {"name": "Guest Wi-Fi key", "trigger": "Someone asks for the \\"guest wifi\\" key.",
                 "status": "active", "instructions": "A technician hands the guest Wi-Fi key over.",
                 "checks": [],
                 "actions": [{"tool": "hudu:get-password", "arguments": {"name": "Guest Wi-Fi"},
                              "reason": "a technician hands the guest Wi-Fi key over"}]}""");
        assertThat(workflow.statusCode()).as(workflow.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
        LOGS.stop();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return StubPsa.JSON.readTree(response.body());
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static long raise(String text, String requester) throws Exception {
        long ticket = world.newTicket(KIND, text, requester);
        assertThat(world.webhook(KIND, world.psa(KIND).ticketCreated(ticket)).statusCode()).isEqualTo(202);
        return ticket;
    }

    private static List<String> trail(long ticket) throws Exception {
        return world.activityOf(KIND, ticket).reversed().stream().map(e -> e.path("kind").asText()
                + (e.path("tool").asText("").isEmpty() ? "" : " " + e.path("tool").asText()) + " "
                + e.path("outcome").asText()).toList();
    }

    private static List<ObjectNode> replies(long ticket) {
        StubPsa psa = world.psa(KIND);
        return psa.notesOf(ticket).stream().filter(n -> !n.path("hiddenfromuser").asBoolean(true)).toList();
    }

    private static long passwordReads() {
        return HUDU.requests().stream().filter(r -> r.path().startsWith("/api/v1/asset_passwords/")).count();
    }

    @Test
    void whileDisabledThePlannedCallIsRefusedAndOnceEnabledTheVerifiedApprovedValueReachesOnlyTheTechnicianOnce()
            throws Exception {
        String requester = "dana@contoso.example";
        DUO.user(requester, FakeDuo.Behaviour.ALLOW);

        long refusedTicket = raise("Guest wifi key please, the visitors are here", requester);
        await().atMost(Duration.ofSeconds(60)).until(() -> trail(refusedTicket).stream()
                .anyMatch(t -> t.startsWith("tool-call hudu:get-password")));
        assertThat(trail(refusedTicket)).contains("tool-call hudu:get-password refused_by_policy");
        assertThat(passwordReads()).as("Hudu's passwords are not read while the tool is disabled").isZero();

        ok(world.api("PUT", "/api/v1/integrations/" + huduId + "/tools/hudu:get-password/policy",
                "{\"policy\":\"approval_needed\"}"));
        long ticket = raise("What is the guest wifi key? A customer is visiting", requester);
        JsonNode approval = await().atMost(Duration.ofSeconds(60)).until(() -> StreamSupport.stream(json(world.api(
                        "GET", "/api/v1/approvals?client=" + SLUG, null)).path("items").spliterator(), false)
                .filter(a -> a.path("ticket").asText().equals(Long.toString(ticket))
                        && a.path("tool").asText().equals("hudu:get-password")).findFirst().orElse(null),
                a -> a != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> trail(ticket).contains("approval ok"));
        String revealPath = "/api/v1/approvals/" + approval.path("id").asText() + "/revealed-values";
        assertThat(world.api("POST", revealPath, null).statusCode()).as("nothing before the call ran").isEqualTo(404);
        assertThat(DUO.pushes()).as("no push before the approval").noneMatch(p -> p.username().equals(requester));
        assertThat(passwordReads()).isZero();

        ok(world.api("POST", "/api/v1/approvals/" + approval.path("id").asText() + "/approve",
                "{\"reason\":\"visitor on site\"}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> trail(ticket).contains("tool-call hudu:get-password ok"));

        assertThat(DUO.pushes()).filteredOn(p -> p.username().equals(requester)).hasSize(1);
        assertThat(trail(ticket)).containsSubsequence("tool-call hudu:get-password awaiting_approval",
                "approval hudu:get-password approved", "verification ok", "tool-call hudu:get-password ok");
        assertThat(HUDU.requests()).filteredOn(r -> r.path().startsWith("/api/v1/asset_passwords/"))
                .singleElement().satisfies(r -> assertThat(r.path()).endsWith("/" + passwordId));
        HttpResponse<String> shown = world.api("POST", revealPath, null);
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        assertThat(shown.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v)
                .contains("no-store"));
        assertThat(json(shown).path("values").path("password").asText()).isEqualTo(SECRET);
        HttpResponse<String> again = world.api("POST", revealPath, null);
        assertThat(again.statusCode()).as("shown once, then forgotten").isEqualTo(404);
        assertThat(again.body()).doesNotContain(SECRET);

        await().atMost(Duration.ofSeconds(30)).until(() -> trail(ticket).contains("reply ok")
                || trail(ticket).contains("agent-message ok"));
        StubPsa psa = world.psa(KIND);
        assertThat(psa.notesOf(ticket)).isNotEmpty().allSatisfy(note -> assertThat(note.toString())
                .doesNotContain(SECRET));
        assertThat(replies(ticket)).allSatisfy(reply -> assertThat(reply.toString()).doesNotContain(SECRET));
        assertThat(world.api("GET", "/api/v1/clients/" + SLUG + "/activity?ticket=" + ticket + "&limit=100", null)
                .body()).contains("hudu:get-password").doesNotContain(SECRET);
        assertThat(world.activityOf(KIND, ticket)).filteredOn(e -> e.path("tool").asText().equals("hudu:get-password")
                && e.path("outcome").asText().equals("ok")).singleElement().satisfies(e -> assertThat(
                e.path("summary").asText()).contains("Guest Wi-Fi").doesNotContain(SECRET));
        assertThat(world.api("GET", "/api/v1/approvals?client=" + SLUG, null).body()).doesNotContain(SECRET);
        assertThat(world.api("GET", "/api/v1/activity?limit=200", null).body()).doesNotContain(SECRET)
                .doesNotContain("not-this-clients-");
        assertThat(LOGS.lines()).as("Steward's log lines, every level").isNotEmpty()
                .noneMatch(line -> line.contains(SECRET));
    }
}
