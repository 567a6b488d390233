package dev.steward.application.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.agentloop.AgentWorldAccess;
import dev.steward.application.agentloop.RunbookReasoner;
import dev.steward.application.port.psa.PsaNote.Author;
import dev.steward.application.port.psa.PsaNote.Visibility;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.approval.ApprovalState;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.mode.OperatingMode;
import dev.steward.domain.session.AgentSession;
import dev.steward.domain.user.EmailAddress;
import dev.steward.domain.user.User;
import dev.steward.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What happens on a ticket after its first note: the requester's comments join the session as follow-ups, a
 * technician's internal {@code approve}/{@code deny} note decides the session's approval (if the author is one of the
 * MSP's admins or technicians), Steward's own notes never make work, and a closed ticket ends the session.
 */
class TicketConversationTest {

    private static final ToolName RESET = ToolName.of("m365:reset-password");
    private static final ToolParameter USER = ToolParameter.required("user", ToolParameter.Type.STRING, "UPN");

    private final AgentWorldAccess world = new AgentWorldAccess(new RunbookReasoner());
    private final Client contoso = world.client("250", OperatingMode.EXECUTE);
    private final String ticket;

    {
        world.connect("m365", List.of(Tool.readOnly("m365:get-user", "Read a user").taking(USER),
                Tool.readOnly("m365:list-auth-methods", "List sign-in methods").taking(USER),
                Tool.write("m365:revoke-sessions", "Revoke sessions").taking(USER),
                Tool.write(RESET.value(), "Reset a password").taking(USER)),
                Map.of(RESET, ToolPolicy.APPROVAL_NEEDED));
        ticket = world.psa().open("250", "Outlook keeps asking for password", "", "dana@contoso.example",
                Instant.parse("2026-11-22T08:59:00Z"));
    }

    private User user(String email, UserRole role) {
        return world.users().add(User.register(new UserId(UUID.randomUUID()), world.mspId(), new EmailAddress(email),
                role, "hash", Instant.parse("2026-01-01T00:00:00Z")));
    }

    private void technicianNote(String text, String email) {
        world.clock().advance(Duration.ofSeconds(1));
        world.psa().write(ticket, text, Visibility.INTERNAL, Author.technician("A. Technician", email));
    }

    private ApprovalRequest theApproval() {
        return world.agents().approvals.ofSession(world.mspId(), session().id()).getFirst();
    }

    private AgentSession session() {
        return world.agents().sessions.find(contoso.id(), AgentSession.Channel.TICKET, ticket).orElseThrow();
    }

    private List<ActivityEntry> refusals() {
        return world.activityOf(ticket).stream().filter(e -> e.outcome() == ActivityOutcome.REFUSED_BY_POLICY
                && e.kind() == ActivityKind.AGENT_MESSAGE).toList();
    }

    @Test
    void aTechniciansApproveNoteInThePsaDecidesTheApprovalAndTheCallRuns() {
        user("ana@msp.example", UserRole.MSP_TECHNICIAN);
        world.takeIn(ticket);

        technicianNote("Approve - called Dana back on her mobile", "Ana@MSP.example");
        world.takeIn(ticket);

        assertThat(theApproval().state()).isInstanceOfSatisfying(ApprovalState.Approved.class, approved -> {
            assertThat(approved.by()).isEqualTo("ana@msp.example (PSA note)");
            assertThat(approved.reason()).isEqualTo("called Dana back on her mobile");
        });
        assertThat(world.executed()).filteredOn(i -> i.tool().equals(RESET)).hasSize(1);
        assertThat(world.psa().notes(ticket)).filteredOn(n -> n.visibility() == Visibility.PUBLIC).hasSize(1);
        assertThat(session().state()).isEqualTo(AgentSession.State.COMPLETED);
    }

    @Test
    void aDenyNoteInThePsaStopsTheCallWithItsReason() {
        user("ana@msp.example", UserRole.MSP_ADMIN);
        world.takeIn(ticket);

        technicianNote("deny: Dana is on leave, check with her manager", "ana@msp.example");
        world.takeIn(ticket);

        assertThat(theApproval().state()).isInstanceOf(ApprovalState.Denied.class);
        assertThat(world.executed()).noneMatch(i -> i.tool().equals(RESET));
        assertThat(world.psa().notes(ticket)).filteredOn(n -> n.visibility() == Visibility.PUBLIC)
                .anySatisfy(n -> assertThat(n.text()).contains("check with her manager"));
    }

    @Test
    void anApproveNoteByAViewerOrAStrangerIsIgnoredAndLogged() {
        user("val@msp.example", UserRole.MSP_VIEWER);
        world.takeIn(ticket);

        technicianNote("approve", "val@msp.example");
        technicianNote("approve", "someone@elsewhere.example");
        technicianNote("approve", "");
        world.takeIn(ticket);

        assertThat(theApproval().isPending()).isTrue();
        assertThat(world.executed()).noneMatch(i -> i.tool().equals(RESET));
        assertThat(refusals()).hasSize(3).allSatisfy(e -> assertThat(e.summary())
                .contains("is not an admin or technician of this MSP"));
    }

    @Test
    void anUnknownApprovalCommandIsIgnoredAndLogged() {
        user("ana@msp.example", UserRole.MSP_TECHNICIAN);
        world.takeIn(ticket);

        technicianNote("Approved!", "ana@msp.example");
        world.takeIn(ticket);

        assertThat(theApproval().isPending()).isTrue();
        assertThat(refusals()).singleElement().satisfies(e -> assertThat(e.summary())
                .contains("'approved' is not an approval command"));
    }

    @Test
    void anApproveNoteOfAnotherMspsTechnicianIsIgnored() {
        world.users().add(User.register(new UserId(UUID.randomUUID()), world.msps().add(
                dev.steward.application.testkit.Fixtures.anMsp()).id(), new EmailAddress("eve@other.example"),
                UserRole.MSP_ADMIN, "hash", Instant.parse("2026-01-01T00:00:00Z")));
        world.takeIn(ticket);

        technicianNote("approve", "eve@other.example");
        world.takeIn(ticket);

        assertThat(theApproval().isPending()).isTrue();
    }

    @Test
    void theRequestersCommentJoinsTheOpenSessionAsAFollowUp() {
        world.takeIn(ticket);
        UUID session = session().id();

        world.clock().advance(Duration.ofSeconds(5));
        world.psa().write(ticket, "It started again after lunch, and now Teams too.", Visibility.PUBLIC,
                Author.contact("Dana Reyes", "dana@contoso.example"));
        IntakeResult result = world.takeIn(ticket);

        assertThat(result).isInstanceOfSatisfying(IntakeResult.Queued.class,
                q -> assertThat(q.session()).isEqualTo(session));
        assertThat(world.activityOf(ticket)).filteredOn(e -> e.kind() == ActivityKind.REQUEST).hasSize(2)
                .anySatisfy(e -> assertThat(e.summary()).startsWith("Follow-up from Dana Reyes")
                        .contains("now Teams too"));
        assertThat(world.activityOf(ticket)).filteredOn(e -> e.kind() == ActivityKind.NOTE
                && e.summary().startsWith("Steward diagnosis")).hasSize(2)
                .allSatisfy(e -> assertThat(e.session()).contains(session));
        assertThat(world.takeIn(ticket)).as("the same comment again").isInstanceOf(IntakeResult.AlreadyHandled.class);
    }

    @Test
    void stewardsOwnNotesAndATechniciansPublicReplyNeverMakeWork() {
        user("ana@msp.example", UserRole.MSP_TECHNICIAN);
        world.takeIn(ticket);
        technicianNote("approve", "ana@msp.example");
        world.takeIn(ticket);
        int notes = world.psa().notes(ticket).size();
        assertThat(world.psa().notes(ticket)).anyMatch(n -> n.visibility() == Visibility.PUBLIC);

        world.clock().advance(Duration.ofSeconds(1));
        world.psa().write(ticket, "I have also reset your phone sign-in.", Visibility.PUBLIC,
                Author.technician("A. Technician", "ana@msp.example"));

        assertThat(world.takeIn(ticket)).isInstanceOf(IntakeResult.AlreadyHandled.class);
        assertThat(world.psa().notes(ticket)).hasSize(notes + 1);
    }

    @Test
    void aClosedTicketEndsItsSessionDropsItsWaitingWorkAndExpiresItsApprovals() {
        world.takeIn(ticket);
        world.clock().advance(Duration.ofSeconds(5));
        world.psa().write(ticket, "Never mind, it works now.", Visibility.PUBLIC,
                Author.contact("Dana Reyes", "dana@contoso.example"));
        world.intake(ticket);
        world.psa().close(ticket);

        assertThat(world.intake(ticket)).isInstanceOf(IntakeResult.Closed.class);
        int worked = world.work();

        assertThat(worked).as("the waiting follow-up went with the session").isZero();
        assertThat(session().state()).isEqualTo(AgentSession.State.CLOSED);
        assertThat(theApproval().state()).isInstanceOfSatisfying(ApprovalState.Expired.class,
                e -> assertThat(e.reason()).isEqualTo("the ticket was closed"));
        assertThat(world.psa().notes(ticket)).filteredOn(n -> n.text().startsWith("Steward diagnosis")).hasSize(1);
        assertThat(world.intake(ticket)).isInstanceOf(IntakeResult.Skipped.class);
        assertThat(world.agents().work.waiting(contoso.id(), world.clock().instant())).isZero();
    }
}
