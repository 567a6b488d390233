package dev.steward.application.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.agentloop.AgentWorldAccess;
import dev.steward.application.agentloop.RunbookReasoner;
import dev.steward.application.approval.DecideApprovalCommand;
import dev.steward.application.port.psa.PsaNote;
import dev.steward.application.port.psa.PsaNote.Visibility;
import dev.steward.application.port.psa.TicketSystem;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.mode.OperatingMode;
import dev.steward.domain.session.AgentSession;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Execute mode, end to end between intake and the agent: diagnosis and note as in plan mode, then the plan under each
 * tool's policy; an approval pauses the session and its decision resumes it (approved: the call runs exactly once
 * with the approved arguments; denied or expired: nothing runs and the requester is told); replies say only what
 * was done, and whatever could not be done goes to a technician.
 */
class ExecuteModeIntakeTest {

    private static final ToolParameter USER = ToolParameter.required("user", ToolParameter.Type.STRING, "UPN");

    private static final ToolName REVOKE = ToolName.of("m365:revoke-sessions");
    private static final ToolName RESET = ToolName.of("m365:reset-password");

    private final AgentWorldAccess world = new AgentWorldAccess(new RunbookReasoner());
    private final Client contoso = world.client("250", OperatingMode.EXECUTE);

    private String ticket(String summary) {
        return world.psa().open("250", summary, "", "dana@contoso.example", Instant.parse("2026-11-22T08:59:00Z"));
    }

    private void connect(ToolPolicy revoke, ToolPolicy reset) {
        world.connect("m365", List.of(Tool.readOnly("m365:get-user", "Read a user").taking(USER),
                Tool.readOnly("m365:list-sign-ins", "List sign-in failures").taking(USER),
                Tool.write(REVOKE.value(), "Revoke sessions").taking(USER),
                Tool.write(RESET.value(), "Reset a password").taking(USER)),
                Map.of(REVOKE, revoke, RESET, reset));
    }

    private IntakeResult.Queued takeIn(String ticket) {
        return (IntakeResult.Queued) world.takeIn(ticket);
    }

    private List<String> executed() {
        return world.executed().stream().map(i -> i.tool().value()).toList();
    }

    private ApprovalRequest pendingApproval() {
        return world.agents().approvals.pending(world.mspId(), Optional.of(contoso.id())).getFirst();
    }

    private void decide(ApprovalRequest request, DecideApprovalCommand.Decision decision, String reason) {
        world.decide().decide(new DecideApprovalCommand(world.mspId(), request.id().toString(), decision,
                "ana@msp.example", UserRole.MSP_TECHNICIAN, reason));
    }

    @Test
    void autoToolsRunAfterTheNoteAndTheRequesterGetsOneReplySayingWhatWasDone() {
        connect(ToolPolicy.AUTO, ToolPolicy.AUTO);
        String ticket = ticket("I forgot my password");

        IntakeResult.Queued queued = takeIn(ticket);

        assertThat(executed()).containsExactly("m365:get-user", "m365:list-sign-ins", "m365:reset-password",
                "m365:revoke-sessions");
        List<PsaNote> notes = world.psa().notes(ticket);
        assertThat(notes).extracting(PsaNote::visibility).containsExactly(Visibility.INTERNAL, Visibility.PUBLIC);
        assertThat(notes.get(1).text()).contains("sign out sessions using the old password").doesNotContain("m365:")
                .doesNotContain("not completed");
        assertThat(world.activityOf(ticket).reversed()).extracting(ActivityEntry::kind).containsExactly(
                ActivityKind.REQUEST, ActivityKind.TOOL_CALL, ActivityKind.TOOL_CALL, ActivityKind.NOTE,
                ActivityKind.TOOL_CALL, ActivityKind.TOOL_CALL, ActivityKind.REPLY);
        assertThat(world.session(queued.session()).state()).isEqualTo(AgentSession.State.COMPLETED);
    }

    @Test
    void anApprovalNeededToolPausesTheSessionWithAnApprovalCommentAndNoReply() {
        connect(ToolPolicy.AUTO, ToolPolicy.APPROVAL_NEEDED);
        String ticket = ticket("I forgot my password");

        IntakeResult.Queued queued = takeIn(ticket);

        assertThat(executed()).doesNotContain("m365:reset-password").contains("m365:revoke-sessions");
        List<PsaNote> notes = world.psa().notes(ticket);
        assertThat(notes).extracting(PsaNote::visibility).containsOnly(Visibility.INTERNAL).hasSize(2);
        assertThat(notes.get(1).text()).startsWith("Approval needed: m365:reset-password")
                .contains("\"approve\"").contains(pendingApproval().id().toString());
        assertThat(world.activityOf(ticket)).anyMatch(e -> e.outcome() == ActivityOutcome.AWAITING_APPROVAL)
                .anyMatch(e -> e.kind() == ActivityKind.APPROVAL).noneMatch(e -> e.kind() == ActivityKind.REPLY);
        assertThat(world.session(queued.session()).state()).isEqualTo(AgentSession.State.AWAITING_APPROVAL);
        assertThat(pendingApproval().arguments()).isEqualTo(RedactedArguments.of(Map.of("user",
                "dana@contoso.example")));
        assertThat(world.agents().approvals.arguments(world.mspId(), pendingApproval().id()))
                .contains(Map.of("user", "dana@contoso.example"));
    }

    @Test
    void anApprovedCallRunsExactlyOnceWithExactlyTheApprovedArgumentsAndTheRequesterHearsWhatWasDone() {
        connect(ToolPolicy.AUTO, ToolPolicy.APPROVAL_NEEDED);
        String ticket = ticket("I forgot my password");
        IntakeResult.Queued queued = takeIn(ticket);
        ApprovalRequest approval = pendingApproval();
        AtomicInteger replies = failingFirstReply();

        decide(approval, DecideApprovalCommand.Decision.APPROVE, "caller verified by phone");
        world.work();
        assertThat(replies.get()).as("the reply failed: the work item is delivered again").isOne();
        world.clock().advance(Duration.ofSeconds(31));
        world.work();
        world.clock().advance(Duration.ofSeconds(31));
        world.work();

        assertThat(world.executed()).filteredOn(i -> i.tool().equals(RESET)).singleElement()
                .satisfies(i -> assertThat(i.arguments()).isEqualTo(Map.of("user", "dana@contoso.example")));
        List<PsaNote> notes = world.psa().notes(ticket);
        assertThat(notes).filteredOn(n -> n.visibility() == Visibility.PUBLIC).singleElement()
                .satisfies(reply -> assertThat(reply.text()).contains("sign out sessions using the old password")
                        .contains("temporary password"));
        assertThat(world.session(queued.session()).state()).isEqualTo(AgentSession.State.COMPLETED);
        assertThat(world.activityOf(ticket)).anyMatch(e -> e.tool().filter(RESET::equals).isPresent()
                && e.outcome() == ActivityOutcome.OK && e.summary().startsWith("approved by ana@msp.example"));
    }

    @Test
    void aDeniedCallNeverRunsAndTheRequesterIsToldWhyAndTheTechniciansNoted() {
        connect(ToolPolicy.AUTO, ToolPolicy.APPROVAL_NEEDED);
        String ticket = ticket("I forgot my password");
        takeIn(ticket);

        decide(pendingApproval(), DecideApprovalCommand.Decision.DENY, "the user left last week");
        world.work();

        assertThat(executed()).doesNotContain("m365:reset-password");
        List<PsaNote> notes = world.psa().notes(ticket);
        assertThat(notes).filteredOn(n -> n.visibility() == Visibility.PUBLIC)
                .anySatisfy(reply -> assertThat(reply.text()).contains("not approved")
                        .contains("the user left last week"));
        assertThat(notes).filteredOn(n -> n.visibility() == Visibility.INTERNAL)
                .anySatisfy(note -> assertThat(note.text()).startsWith("Not approved: m365:reset-password")
                        .contains("denied by ana@msp.example"));
    }

    @Test
    void anApprovalNotDecidedInTimeExpiresAndIsTreatedLikeADenial() {
        connect(ToolPolicy.AUTO, ToolPolicy.APPROVAL_NEEDED);
        String ticket = ticket("I forgot my password");
        IntakeResult.Queued queued = takeIn(ticket);

        world.clock().advance(Duration.ofHours(23));
        assertThat(world.expire().expireDue()).isZero();
        world.clock().advance(Duration.ofHours(1));
        assertThat(world.expire().expireDue()).isOne();
        world.work();

        assertThat(executed()).doesNotContain("m365:reset-password");
        assertThat(world.psa().notes(ticket)).filteredOn(n -> n.visibility() == Visibility.PUBLIC)
                .anySatisfy(reply -> assertThat(reply.text()).contains("not approved")
                        .contains("not decided within 24 hours"));
        assertThat(world.activityOf(ticket)).anyMatch(e -> e.kind() == ActivityKind.APPROVAL
                && e.outcome() == ActivityOutcome.DENIED && e.summary().contains("expired"));
        assertThat(world.session(queued.session()).state()).isEqualTo(AgentSession.State.COMPLETED);
    }

    @Test
    void whenNothingCouldBeDoneTheRequesterGetsNoReplyAndTheTicketGoesToATechnician() {
        connect(ToolPolicy.AUTO, ToolPolicy.AUTO);
        world.agents().tools.register(REVOKE, args -> {
            throw PortFailure.retryable("m365", "Graph answered 503", null);
        });
        world.agents().tools.register(RESET, args -> {
            throw PortFailure.permanent("m365", "Graph answered 403", null);
        });
        String ticket = ticket("I forgot my password");

        takeIn(ticket);

        List<PsaNote> notes = world.psa().notes(ticket);
        assertThat(notes).noneMatch(n -> n.visibility() == Visibility.PUBLIC);
        assertThat(notes).last().satisfies(note -> assertThat(note.text())
                .contains("a technician should take it").contains("m365:revoke-sessions")
                .contains("m365:reset-password"));
        assertThat(world.psa().find(ticket).orElseThrow().status()).isEqualTo("Needs Technician");
        assertThat(world.activityOf(ticket)).anyMatch(e -> e.summary().contains("status 'Needs Technician'"));
    }

    @Test
    void aRequestNoRunbookCoversIsHandedToATechnicianWithoutAnAnswerToTheRequester() {
        connect(ToolPolicy.AUTO, ToolPolicy.AUTO);
        String ticket = ticket("The coffee machine is broken");

        takeIn(ticket);

        assertThat(world.psa().notes(ticket)).extracting(PsaNote::visibility)
                .containsExactly(Visibility.INTERNAL, Visibility.INTERNAL);
        assertThat(world.psa().notes(ticket).get(1).text()).contains("could not do anything");
        assertThat(world.psa().find(ticket).orElseThrow().status()).isEqualTo("Needs Technician");
    }

    @Test
    void whenPartOfThePlanFailedTheReplySaysOnlyWhatWasDoneAndATechnicianGetsTheRest() {
        connect(ToolPolicy.AUTO, ToolPolicy.AUTO);
        world.agents().tools.register(RESET, args -> {
            throw PortFailure.permanent("m365", "Graph answered 403", null);
        });
        String ticket = ticket("I forgot my password");

        takeIn(ticket);

        List<PsaNote> notes = world.psa().notes(ticket);
        assertThat(notes).filteredOn(n -> n.visibility() == Visibility.PUBLIC).singleElement()
                .satisfies(reply -> assertThat(reply.text()).contains("sign out sessions using the old password")
                        .contains("A technician will look at the rest").doesNotContain("temporary password")
                        .doesNotContain("not completed").doesNotContain("failed"));
        assertThat(notes).filteredOn(n -> n.visibility() == Visibility.INTERNAL).last()
                .satisfies(note -> assertThat(note.text()).contains("m365:reset-password").contains("403"));
        assertThat(world.psa().find(ticket).orElseThrow().status()).isEqualTo("Needs Technician");
    }

    /** The PSA refuses the first reply; returns how many replies were attempted. */
    private AtomicInteger failingFirstReply() {
        AtomicInteger attempts = new AtomicInteger();
        world.connectPsa((TicketSystem) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TicketSystem.class}, (proxy, method, args) -> {
                    if (method.getName().equals("addReply") && attempts.incrementAndGet() == 1) {
                        throw PortFailure.retryable("connectwise", "HTTP 503", null);
                    }
                    try {
                        return method.invoke(world.psa(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
        return attempts;
    }
}
