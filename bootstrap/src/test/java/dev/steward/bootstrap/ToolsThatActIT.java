package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.adapter.duo.FakeDuo;
import dev.steward.adapter.m365.FakeMicrosoftCloud;
import dev.steward.adapter.m365.FakeTenant;
import dev.steward.application.signin.CreateUserCommand;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The acting agent end to end through the real server (embedded PostgreSQL, in-process runtime, runbook reasoner):
 * a HaloPSA stub, Microsoft 365 over GDAP against {@link FakeMicrosoftCloud} and Duo against {@link FakeDuo} (which
 * checks every request's HMAC signature), all connected over the API, and a client in Execute mode mapped to its
 * customer tenant. A ticket "I'm locked out" is checked with read tools, planned, approved over the API, verified by
 * a Duo push and carried out against Graph once, and the requester is told; a denied push runs nothing; a technician's
 * confirmation of the caller's identity stands in for the push. A temporary
 * password is shown once to the technician who approved the reset and nowhere else — not on the ticket, not in the
 * activity log, not in any log line (all of Steward's log events are captured, at every level).
 */
class ToolsThatActIT {

    private static final String KIND = "halopsa";
    private static final String SLUG = PlanModeWorld.slugOf(KIND);
    private static final FakeDuo DUO = new FakeDuo();
    private static final CapturedLogLines LOGS = new CapturedLogLines();
    private static PlanModeWorld world;

    @BeforeAll
    static void start() throws Exception {
        LOGS.start();
        world = PlanModeWorld.start(Map.of(), List.of(new StubHaloPsa()));
        String duo = world.serve(DUO);
        world.connect("duo", Map.of("apiHost", duo, "integrationKey", FakeDuo.IKEY, "secretKey", FakeDuo.SKEY));
        HttpResponse<String> execute = world.api("PUT", "/api/v1/clients/" + SLUG + "/mode", "{\"mode\":\"execute\"}");
        assertThat(execute.statusCode()).as(execute.body()).isEqualTo(200);
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

    /** A user of the client's tenant: their Entra object id and their address (also their Duo user name). */
    private record Requester(String id, String upn) {}

    /**
     * A user of the client's tenant who is locked out (sign-in blocked, the failure Entra records for it) and who
     * answers a Duo push with {@code answer}.
     */
    private static Requester lockedOut(String localPart, String name, FakeDuo.Behaviour answer) {
        FakeTenant tenant = world.tenantOf(KIND);
        Requester requester = new Requester(tenant.addUser(localPart, name), localPart + "@" + tenant.domain());
        tenant.set(requester.upn(), "accountEnabled", false);
        tenant.signIn(requester.upn(), "Outlook", 50057, "The user account is disabled.",
                Instant.parse("2026-12-05T07:58:00Z"));
        DUO.user(requester.upn(), answer);
        return requester;
    }

    /** A new ticket of the requester in the PSA stub, its webhook delivered and accepted. */
    private static long raise(String text, String requester) throws Exception {
        long ticket = world.newTicket(KIND, text, requester);
        assertThat(world.webhook(KIND, world.psa(KIND).ticketCreated(ticket)).statusCode()).isEqualTo(202);
        return ticket;
    }

    /**
     * The ticket's pending approval request for {@code tool}, once the agent has raised it and posted its approval
     * comment on the ticket (where a technician learns of it), so the activity's order does not depend on how fast
     * the test approves.
     */
    private static JsonNode pendingApproval(long ticket, String tool) throws Exception {
        JsonNode approval = await().atMost(Duration.ofSeconds(30)).until(() -> StreamSupport.stream(json(world.api(
                        "GET", "/api/v1/approvals?client=" + SLUG, null)).path("items").spliterator(), false)
                .filter(a -> a.path("ticket").asText().equals(Long.toString(ticket))
                        && a.path("tool").asText().equals(tool)).findFirst().orElse(null), a -> a != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> trail(ticket).contains("approval ok"));
        return approval;
    }

    private static List<ObjectNode> replies(StubPsa psa, long ticket) {
        return psa.notesOf(ticket).stream().filter(n -> !n.path("hiddenfromuser").asBoolean(true)).toList();
    }

    private static List<String> trail(long ticket) throws Exception {
        return world.activityOf(KIND, ticket).reversed().stream().map(e -> e.path("kind").asText()
                + (e.path("tool").asText("").isEmpty() ? "" : " " + e.path("tool").asText()) + " "
                + e.path("outcome").asText()).toList();
    }

    @Test
    void aLockedOutUserIsCheckedApprovedVerifiedByADuoPushThenUnblockedOnceAndTold() throws Exception {
        Requester erin = lockedOut("erin", "Erin Locke", FakeDuo.Behaviour.ALLOW);
        StubPsa psa = world.psa(KIND);
        long ticket = raise("I'm locked out of my laptop since this morning", erin.upn());
        JsonNode approval = pendingApproval(ticket, "m365:unblock-sign-in");

        assertThat(approval.path("arguments").path("user").asText()).isEqualTo(erin.upn());
        List<JsonNode> checked = world.activityOf(KIND, ticket).reversed();
        assertThat(checked).filteredOn(e -> e.path("kind").asText().equals("tool-call"))
                .extracting(e -> e.path("tool").asText()).startsWith("halopsa:get-ticket", "m365:get-user",
                        "m365:list-sign-ins");
        assertThat(checked).filteredOn(e -> e.path("tool").asText().equals("m365:get-user")).singleElement()
                .satisfies(e -> assertThat(e.path("summary").asText()).contains("Erin Locke", "sign-in: BLOCKED"));
        assertThat(checked).filteredOn(e -> e.path("tool").asText().equals("m365:list-sign-ins")).singleElement()
                .satisfies(e -> assertThat(e.path("summary").asText()).contains("failed, error 50057"));
        assertThat(psa.notesOf(ticket)).as("the plan note and the approval comment, nothing to the requester")
                .allSatisfy(note -> assertThat(psa.internal(note)).isTrue());
        assertThat(world.cloud().changes()).as("nothing changed before the approval")
                .noneMatch(r -> r.path().contains(erin.id()));
        assertThat(DUO.pushes()).as("no push before the approval")
                .noneMatch(p -> p.username().equals(erin.upn()));

        HttpResponse<String> approved = world.api("POST", "/api/v1/approvals/" + approval.path("id").asText()
                + "/approve", "{\"reason\":\"caller known to the service desk\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> !replies(psa, ticket).isEmpty());
        assertThat(world.cloud().changes()).filteredOn(r -> r.path().contains(erin.id()))
                .as("unblocked exactly once")
                .singleElement().satisfies(r -> {
                    assertThat(r.line()).isEqualTo("PATCH /v1.0/users/" + erin.id());
                    assertThat(r.tenant()).isEqualTo(world.tenantOf(KIND).id());
                    assertThat(StubPsa.JSON.readTree(r.body()).path("accountEnabled").asBoolean()).isTrue();
                });
        assertThat(world.tenantOf(KIND).user(erin.upn()).path("accountEnabled").asBoolean()).isTrue();
        assertThat(DUO.pushes()).filteredOn(p -> p.username().equals(erin.upn())).hasSize(1);
        assertThat(DUO.refused()).as("every Duo request correctly signed").isEmpty();
        assertThat(replies(psa, ticket)).singleElement().satisfies(reply -> assertThat(reply.path("note_html")
                .asText()).contains("allow sign-in again").doesNotContain("m365:"));

        await().atMost(Duration.ofSeconds(10)).until(() -> trail(ticket).contains("reply ok"));
        assertThat(trail(ticket)).containsExactly("request ok", "tool-call halopsa:get-ticket ok",
                "tool-call m365:get-user ok", "tool-call m365:list-sign-ins ok", "note ok",
                "tool-call m365:unblock-sign-in awaiting_approval", "approval ok",
                "approval m365:unblock-sign-in approved", "verification ok", "tool-call m365:unblock-sign-in ok",
                "reply ok");
        assertThat(world.activityOf(KIND, ticket)).filteredOn(e -> e.path("kind").asText().equals("tool-call")
                && e.path("outcome").asText().equals("ok") && e.path("tool").asText().equals("m365:unblock-sign-in"))
                .singleElement().satisfies(e -> assertThat(e.path("summary").asText()).startsWith("approved by ")
                        .contains("Unblocked sign-in for Erin Locke"));
    }

    @Test
    void aDeniedDuoPushRunsNothingAndTheRequesterIsToldTheirIdentityCouldNotBeVerified() throws Exception {
        Requester sam = lockedOut("sam", "Sam Denied", FakeDuo.Behaviour.DENY);
        StubPsa psa = world.psa(KIND);
        long ticket = raise("I'm locked out, please help", sam.upn());
        JsonNode approval = pendingApproval(ticket, "m365:unblock-sign-in");
        assertThat(world.api("POST", "/api/v1/approvals/" + approval.path("id").asText() + "/approve", null)
                .statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> !replies(psa, ticket).isEmpty());
        assertThat(DUO.pushes()).filteredOn(p -> p.username().equals(sam.upn())).hasSize(1);
        assertThat(world.cloud().changes()).as("nothing ran").noneMatch(r -> r.path().contains(sam.id()));
        assertThat(world.tenantOf(KIND).user(sam.upn()).path("accountEnabled").asBoolean()).isFalse();
        assertThat(replies(psa, ticket)).singleElement().satisfies(reply -> assertThat(reply.path("note_html")
                .asText()).contains("could not verify your identity"));
        await().atMost(Duration.ofSeconds(10)).until(() -> trail(ticket).contains("agent-message ok"));
        assertThat(trail(ticket)).containsExactly("request ok", "tool-call halopsa:get-ticket ok",
                "tool-call m365:get-user ok", "tool-call m365:list-sign-ins ok", "note ok",
                "tool-call m365:unblock-sign-in awaiting_approval", "approval ok",
                "approval m365:unblock-sign-in approved", "verification denied",
                "tool-call m365:unblock-sign-in refused_by_policy", "reply ok", "note ok", "agent-message ok");
        assertThat(psa.record(ticket).path("status_name").asText()).as("handed to a technician")
                .isEqualTo("Needs Technician");
        assertThat(world.activityOf(KIND, ticket)).filteredOn(e -> e.path("kind").asText().equals("verification"))
                .singleElement().satisfies(e -> assertThat(e.path("summary").asText()).contains(sam.upn())
                        .doesNotContain("DPFZRS9FB0D46QFTM891").doesNotContain("txid"));
    }

    @Test
    void aTechnicianWhoConfirmedTheCallersIdentityOverTheApiLetsTheUnblockRunWithoutAPush() throws Exception {
        Requester tess = lockedOut("tess", "Tess Phoned", FakeDuo.Behaviour.DENY);
        StubPsa psa = world.psa(KIND);
        long ticket = raise("I'm locked out and called the service desk", tess.upn());
        JsonNode approval = pendingApproval(ticket, "m365:unblock-sign-in");

        HttpResponse<String> confirmed = world.api("POST", "/api/v1/approvals/" + approval.path("id").asText()
                + "/identity", null);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(201);
        assertThat(world.api("POST", "/api/v1/approvals/" + approval.path("id").asText() + "/approve", null)
                .statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> !replies(psa, ticket).isEmpty());
        assertThat(DUO.pushes()).as("the technician's word is enough: no push")
                .noneMatch(p -> p.username().equals(tess.upn()));
        assertThat(world.cloud().changes()).filteredOn(r -> r.path().contains(tess.id())).singleElement()
                .satisfies(r -> assertThat(r.method()).isEqualTo("PATCH"));
        await().atMost(Duration.ofSeconds(10)).until(() -> trail(ticket).contains("reply ok"));
        assertThat(trail(ticket)).containsSubsequence("verification ok", "approval m365:unblock-sign-in approved",
                "tool-call m365:unblock-sign-in ok", "reply ok");
        assertThat(world.activityOf(KIND, ticket)).filteredOn(e -> e.path("kind").asText().equals("verification"))
                .singleElement().satisfies(e -> assertThat(e.path("summary").asText())
                        .startsWith("identity of " + tess.upn() + " confirmed by "));
    }

    @Test
    void aTemporaryPasswordIsShownOnceToTheApprovingTechnicianOverTheApiAndWrittenNowhere() throws Exception {
        String riley = unverifiedUserAskingForANewPassword("riley", "Riley Reset");
        StubPsa psa = world.psa(KIND);
        long ticket = raise("I forgot my password", riley);
        JsonNode reset = pendingApproval(ticket, "m365:reset-password");
        JsonNode revoke = pendingApproval(ticket, "m365:revoke-sessions");
        String revealPath = "/api/v1/approvals/" + reset.path("id").asText() + "/revealed-values";
        assertThat(world.api("POST", revealPath, null).statusCode()).as("nothing before the call ran").isEqualTo(404);

        assertThat(world.api("POST", "/api/v1/approvals/" + reset.path("id").asText() + "/approve", null)
                .statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> trail(ticket).contains("tool-call m365:reset-password ok"));
        String password = world.tenantOf(KIND).passwordOf(riley).orElseThrow();

        HttpResponse<String> shown = world.api("POST", revealPath, null);
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        assertThat(shown.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v)
                .contains("no-store"));
        assertThat(json(shown).path("values").path("temporaryPassword").asText()).isEqualTo(password);
        HttpResponse<String> again = world.api("POST", revealPath, null);
        assertThat(again.statusCode()).as("shown once, then forgotten").isEqualTo(404);
        assertThat(again.body()).doesNotContain(password);

        assertThat(world.api("POST", "/api/v1/approvals/" + revoke.path("id").asText() + "/approve", null)
                .statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> !replies(psa, ticket).isEmpty());
        assertThat(replies(psa, ticket)).singleElement().satisfies(reply -> assertThat(reply.path("note_html")
                .asText()).contains("technician will hand over"));
        assertWrittenNowhere(password, psa, ticket);
    }

    @Test
    void theDashboardShowsTheTemporaryPasswordOnceToTheTechnicianWhoApprovedItAndToNobodyElse() throws Exception {
        String kai = unverifiedUserAskingForANewPassword("kai", "Kai Reset");
        StubPsa psa = world.psa(KIND);
        long ticket = raise("Forgot my password after the holidays", kai);
        JsonNode reset = pendingApproval(ticket, "m365:reset-password");
        Dashboard technician = Dashboard.signIn(world, "tech-" + ticket + "@steward.test");

        HttpResponse<String> decided = technician.post("/approvals/" + reset.path("id").asText() + "/decide",
                "decision=approve");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(303);
        await().atMost(Duration.ofSeconds(30)).until(() -> trail(ticket).contains("tool-call m365:reset-password ok"));
        String password = world.tenantOf(KIND).passwordOf(kai).orElseThrow();

        assertThat(world.api("POST", "/api/v1/approvals/" + reset.path("id").asText() + "/revealed-values", null)
                .statusCode()).as("another caller (the API token) is refused").isEqualTo(403);
        HttpResponse<String> approvals = technician.get("/approvals");
        assertThat(approvals.body()).contains("To hand over", "/approvals/" + reset.path("id").asText() + "/reveal")
                .doesNotContain(password);
        HttpResponse<String> shown = technician.post("/approvals/" + reset.path("id").asText() + "/reveal", "");
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        assertThat(shown.body()).contains("data-revealed=\"temporaryPassword\">" + password + "<");
        HttpResponse<String> again = technician.post("/approvals/" + reset.path("id").asText() + "/reveal", "");
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).doesNotContain(password);
        assertThat(technician.get("/approvals").body()).doesNotContain("/approvals/" + reset.path("id").asText()
                + "/reveal");
        assertWrittenNowhere(password, psa, ticket);
    }

    /** A user of the client's tenant whom Duo knows and who approves the push; their address. */
    private static String unverifiedUserAskingForANewPassword(String localPart, String name) {
        FakeTenant tenant = world.tenantOf(KIND);
        tenant.addUser(localPart, name);
        String upn = localPart + "@" + tenant.domain();
        DUO.user(upn, FakeDuo.Behaviour.ALLOW);
        return upn;
    }

    /** Not on the ticket (notes, replies, approval comments), in the activity or approvals, nor in any log line. */
    private static void assertWrittenNowhere(String password, StubPsa psa, long ticket) throws Exception {
        assertThat(psa.notesOf(ticket)).isNotEmpty().allSatisfy(note -> assertThat(note.toString())
                .doesNotContain(password));
        assertThat(world.api("GET", "/api/v1/clients/" + SLUG + "/activity?ticket=" + ticket + "&limit=100", null)
                .body()).contains("m365:reset-password").doesNotContain(password);
        assertThat(world.activityOf(KIND, ticket)).filteredOn(e -> e.path("tool").asText()
                .equals("m365:reset-password") && e.path("outcome").asText().equals("ok")).singleElement()
                .satisfies(e -> assertThat(e.path("summary").asText()).contains("temporaryPassword held for the "
                        + "approving technician to see once"));
        assertThat(world.api("GET", "/api/v1/approvals?client=" + SLUG, null).body()).doesNotContain(password);
        assertThat(LOGS.lines()).as("Steward's log lines, every level").isNotEmpty()
                .noneMatch(line -> line.contains(password));
    }

    /** A technician signed in to the dashboard: a session cookie and the form token of that session. */
    private record Dashboard(String base, String cookie, String csrf) {

        private static final HttpClient HTTP = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER).build();

        static Dashboard signIn(PlanModeWorld world, String email) throws Exception {
            StewardServer server = world.server();
            String password = "technician password " + email;
            server.useCases().createUser().create(new CreateUserCommand(
                    server.defaultMsp().id(), email, password, "admin"));
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> signedIn = HTTP.send(HttpRequest.newBuilder(
                    URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("email=" + encode(email) + "&password="
                            + encode(password))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
            String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            Dashboard unsigned = new Dashboard(base, cookie, "");
            String page = unsigned.get("/approvals").body();
            return new Dashboard(base, cookie, page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1"));
        }

        HttpResponse<String> get(String path) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie)
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            String body = (form.isEmpty() ? "" : form + "&") + "_csrf=" + encode(csrf);
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Cookie", cookie).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
