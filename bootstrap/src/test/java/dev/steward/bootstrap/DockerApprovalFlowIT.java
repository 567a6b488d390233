package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.adapter.m365.FakeMicrosoftCloud;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 10's approvals and follow-ups on the REAL agent image and a real Docker engine, not only in process: the
 * control plane (embedded PostgreSQL, Docker runtime) with a ConnectWise stub and the Microsoft cloud stub, one client
 * in execute mode whose own workflow plans {@code m365:revoke-sessions} (a write tool, so it waits for approval). The
 * client's container diagnoses the ticket and asks for approval; approved over the API, the approved call runs
 * exactly once, in that container, in the same session, with the kept arguments, and the requester is told what was
 * done; denied, nothing runs and the requester is told it was not approved and why. The requester's later comment
 * reaches the same session in the container. Needs an engine: skipped locally without one, a failure under CI=true.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DockerApprovalFlowIT {

    private static final String KIND = "connectwise";
    private static final String SLUG = PlanModeWorld.slugOf(KIND);
    private static final String INSTALLATION = "it-approvals-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String REQUEST = "I lost my phone on the train, please sign me out everywhere";
    private static final String REASON = "sign out every session, the lost phone's included";
    private static final Pattern WORKING = Pattern.compile("working ticket (\\d+) \\(([a-z -]+), session (\\S+), "
            + "delivery (\\d+)\\)");
    private static PlanModeWorld world;
    private static long approvedTicket;

    @BeforeAll
    static void start() throws Exception {
        DockerSupport.requireEngine("DockerApprovalFlowIT");
        DockerSupport.buildAgentImage();
        world = PlanModeWorld.start(DockerSupport.controlPlaneEnvironment("approvals", Map.of(
                "STEWARD_INSTALLATION_ID", INSTALLATION)), List.of(new StubConnectWise()));
        assertThat(world.api("PUT", "/api/v1/clients/" + SLUG + "/mode", "{\"mode\":\"execute\"}").statusCode())
                .isEqualTo(200);
        String workflow = """
                {"name": "Lost phone", "trigger": "The requester asks us to \\"sign me out\\" everywhere.",
                 "status": "active", "instructions": "Check the user, then plan signing out every session.",
                 "checks": [{"tool": "m365:get-user", "arguments": {"user": "{requester}"}}],
                 "actions": [{"tool": "m365:revoke-sessions", "arguments": {"user": "{requester}"},
                              "reason": "%s"}]}""".formatted(REASON);
        HttpResponse<String> saved = world.api("POST", "/api/v1/clients/" + SLUG + "/workflows", workflow);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        if (world != null) {
            world.close();
        }
        DockerSupport.removeAgentsOf(INSTALLATION);
    }

    @Test
    @Order(1)
    void anApprovedCallRunsExactlyOnceInTheContainersSessionAndTheRequesterHearsWhatWasDone() throws Exception {
        String agent = runningAgent();
        long ticket = world.newTicket(KIND, REQUEST);
        approvedTicket = ticket;
        assertThat(world.webhook(KIND, psa().ticketCreated(ticket)).statusCode()).isEqualTo(202);

        JsonNode approval = pendingApprovalOf(ticket);
        assertThat(approval.path("tool").asText()).isEqualTo("m365:revoke-sessions");
        assertThat(approval.path("arguments").path("user").asText()).isEqualTo("dana@contoso.example");
        assertThat(revocations()).as("nothing runs before the approval").isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> psa().notesOf(ticket).size() == 2);
        assertThat(psa().notesOf(ticket)).as("the diagnosis and the approval comment, both internal")
                .allSatisfy(note -> assertThat(psa().internal(note)).isTrue());

        HttpResponse<String> approved = world.api("POST", "/api/v1/approvals/" + approval.path("id").asText()
                + "/approve", "{\"reason\":\"called Dana back on her desk phone\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        ObjectNode reply = publicNoteOf(ticket);
        assertThat(reply.path("text").asText()).contains("We have taken care of the following").contains(REASON);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30)).until(() -> revocations() == 1);
        assertThat(world.cloud().changes()).filteredOn(r -> r.path().endsWith("/revokeSignInSessions"))
                .singleElement().satisfies(r -> assertThat(r.tenant()).isEqualTo(world.tenantOf(KIND).id()));
        assertThat(world.activityOf(KIND, ticket)).filteredOn(e -> e.path("tool").asText().equals("m365:revoke-sessions"))
                .extracting(e -> e.path("outcome").asText()).contains("awaiting_approval", "approved")
                .filteredOn("ok"::equals).hasSize(1);
        assertThat(psa().notesOf(ticket)).filteredOn(note -> !psa().internal(note)).hasSize(1);

        // the container worked both items, in one session: the ticket, then the approval
        List<String[]> worked = workedIn(agent, ticket);
        assertThat(worked).extracting(w -> w[0]).containsExactly("new ticket", "approval approved");
        assertThat(worked.get(1)[1]).isEqualTo(worked.get(0)[1]);
        await().atMost(Duration.ofSeconds(30)).until(() -> logsOf(agent)
                .contains("finished ticket " + ticket + " (approval approved")); // completed after the reply
    }

    @Test
    @Order(2)
    void aDeniedCallNeverRunsAndTheRequesterIsToldItWasNotApprovedAndWhy() throws Exception {
        String agent = runningAgent();
        int before = revocations();
        long ticket = world.newTicket(KIND, REQUEST);
        assertThat(world.webhook(KIND, psa().ticketCreated(ticket)).statusCode()).isEqualTo(202);
        JsonNode approval = pendingApprovalOf(ticket);

        HttpResponse<String> denied = world.api("POST", "/api/v1/approvals/" + approval.path("id").asText()
                + "/deny", "{\"reason\":\"Dana is on leave, her manager must ask\"}");
        assertThat(denied.statusCode()).as(denied.body()).isEqualTo(200);

        ObjectNode reply = publicNoteOf(ticket);
        assertThat(reply.path("text").asText()).contains("We did not carry out").contains(REASON)
                .contains("it was not approved (Dana is on leave, her manager must ask)");
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30)).until(() ->
                psa().notesOf(ticket).stream().filter(psa()::internal).anyMatch(n -> n.path("text").asText()
                        .contains("Dana is on leave")));
        assertThat(revocations()).as("the denied call never ran").isEqualTo(before);
        assertThat(world.activityOf(KIND, ticket)).filteredOn(e -> e.path("tool").asText().equals("m365:revoke-sessions"))
                .extracting(e -> e.path("outcome").asText()).doesNotContain("ok");
        assertThat(psa().notesOf(ticket)).filteredOn(note -> !psa().internal(note)).hasSize(1);
        List<String[]> worked = workedIn(agent, ticket);
        assertThat(worked).extracting(w -> w[0]).containsExactly("new ticket", "approval denied");
        assertThat(worked.get(1)[1]).isEqualTo(worked.get(0)[1]);
    }

    @Test
    @Order(3)
    void theRequestersCommentReachesTheSameSessionInTheContainer() throws Exception {
        String agent = runningAgent();
        long ticket = approvedTicket;
        assertThat(ticket).as("the approved ticket of the first test").isPositive();
        int notes = psa().notesOf(ticket).size();
        String session = workedIn(agent, ticket).getFirst()[1];

        stub().requesterComment(ticket, "Thanks! Teams on my old laptop still shows me signed in.");
        assertThat(world.webhook(KIND, stub().ticketUpdated(ticket)).statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).until(() -> workedIn(agent, ticket).size() == 3);
        String[] followUp = workedIn(agent, ticket).get(2);
        assertThat(followUp[0]).isEqualTo("follow-up");
        assertThat(followUp[1]).as("the same session").isEqualTo(session);
        // the follow-up is diagnosed again in that session: a new internal note, and the plan waits for approval again
        JsonNode again = pendingApprovalOf(ticket);
        assertThat(again.path("tool").asText()).isEqualTo("m365:revoke-sessions");
        assertThat(psa().notesOf(ticket).size()).isEqualTo(notes + 1 + 2); // the comment, a diagnosis, an approval
        assertThat(world.activityOf(KIND, ticket)).filteredOn(e -> e.path("kind").asText().equals("request"))
                .hasSize(2).allSatisfy(e -> assertThat(e.path("session").asText()).isEqualTo(session))
                .anySatisfy(e -> assertThat(e.path("summary").asText()).startsWith("Follow-up from Dana Reyes")
                        .contains("Teams on my old laptop"));
        // Steward's own notes (the reply among them) made no work; the same callback again makes none either
        assertThat(world.webhook(KIND, stub().ticketUpdated(ticket)).statusCode()).isEqualTo(202);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                workedIn(agent, ticket).size() == 3);
        assertThat(revocations()).as("still only the approved call of the first test").isEqualTo(1);
    }

    private static StubPsa psa() {
        return world.psa(KIND);
    }

    private static StubConnectWise stub() {
        return (StubConnectWise) world.psa(KIND);
    }

    /** How often Graph was asked to revoke sessions, in any tenant. */
    private static int revocations() {
        FakeMicrosoftCloud cloud = world.cloud();
        return (int) cloud.changes().stream().filter(r -> r.path().endsWith("/revokeSignInSessions")).count();
    }

    /** The ticket's approval request once its container asked for it (waiting on the dashboard and API). */
    private static JsonNode pendingApprovalOf(long ticket) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonNode page = StubPsa.JSON.readTree(world.api("GET", "/api/v1/approvals?client=" + SLUG, null).body());
            found[0] = StreamSupport.stream(page.path("items").spliterator(), false)
                    .filter(a -> a.path("ticket").asText().equals(Long.toString(ticket))
                            && a.path("state").asText().equals("pending")).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    /** The one note on the ticket the requester can read, once it is there. */
    private static ObjectNode publicNoteOf(long ticket) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() ->
                psa().notesOf(ticket).stream().anyMatch(n -> !psa().internal(n)));
        return psa().notesOf(ticket).stream().filter(n -> !psa().internal(n)).findFirst().orElseThrow();
    }

    /** What the container logged it worked on the ticket, in order: {kind, session} per item. */
    private static List<String[]> workedIn(String container, long ticket) {
        Matcher line = WORKING.matcher(logsOf(container));
        List<String[]> worked = new java.util.ArrayList<>();
        while (line.find()) {
            if (line.group(1).equals(Long.toString(ticket))) {
                worked.add(new String[] {line.group(2), line.group(3)});
            }
        }
        return worked;
    }

    private static String runningAgent() {
        return DockerSupport.runningAgent(world, INSTALLATION, SLUG);
    }

    private static String logsOf(String container) {
        return DockerSupport.logsOf(container);
    }
}
