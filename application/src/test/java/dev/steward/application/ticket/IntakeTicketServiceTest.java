package dev.steward.application.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.agentloop.AgentWorldAccess;
import dev.steward.application.agentloop.RunbookReasoner;
import dev.steward.application.port.psa.PsaNote.Visibility;
import dev.steward.application.port.psa.TicketSystem;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.mode.OperatingMode;
import dev.steward.domain.session.AgentSession;
import dev.steward.domain.work.WorkItem;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IntakeTicketServiceTest {

    private static final ToolParameter USER = ToolParameter.required("user", ToolParameter.Type.STRING, "UPN");

    private final AgentWorldAccess world = new AgentWorldAccess(new RunbookReasoner());
    private final Client contoso = world.client("250", OperatingMode.INHERIT);

    {
        world.connect("m365", List.of(Tool.readOnly("m365:get-user", "Read a user").taking(USER),
                Tool.readOnly("m365:list-sign-ins", "List sign-in failures").taking(USER),
                Tool.write("m365:reset-password", "Reset a password").taking(USER)), Map.of());
    }

    private String aTicket(String company, String summary) {
        return world.psa().open(company, summary, "Since this morning", "dana@contoso.example",
                Instant.parse("2026-11-22T08:59:00Z"));
    }

    @Test
    void intakeOnlyQueuesWorkAndTheClientsAgentPostsTheNote() {
        String ticket = aTicket("250", "I forgot my password");

        IntakeResult result = world.intake(ticket);

        assertThat(result).isInstanceOfSatisfying(IntakeResult.Queued.class, q -> assertThat(q.items()).isOne());
        assertThat(world.psa().notes(ticket)).as("the control plane works no ticket itself").isEmpty();
        assertThat(world.executed()).isEmpty();
        assertThat(world.agents().work.waiting(contoso.id(), world.clock().instant())).isOne();

        assertThat(world.work()).isOne();

        assertThat(world.psa().notes(ticket)).singleElement().satisfies(note -> {
            assertThat(note.visibility()).isEqualTo(Visibility.INTERNAL);
            assertThat(note.text()).contains("plan mode").contains("Diagnosis:").contains("Password reset")
                    .contains("m365:get-user (user=dana@contoso.example) → ok")
                    .contains("Plan (not executed: plan mode)").contains("1. m365:reset-password");
        });
        assertThat(world.executed()).extracting(i -> i.tool().value())
                .containsExactly("m365:get-user", "m365:list-sign-ins");
        assertThat(world.agents().work.waiting(contoso.id(), world.clock().instant())).isZero();
    }

    @Test
    void theActivityLogShowsTheRequestEachToolCallTheNoteAndTheWorkflowsApplied() {
        String ticket = aTicket("250", "I forgot my password");
        world.takeIn(ticket);

        List<ActivityEntry> oldestFirst = world.activityOf(ticket).reversed();
        assertThat(oldestFirst).extracting(ActivityEntry::kind).containsExactly(ActivityKind.REQUEST,
                ActivityKind.TOOL_CALL, ActivityKind.TOOL_CALL, ActivityKind.NOTE);
        assertThat(oldestFirst.getLast().summary()).endsWith("\n\nWorkflows applied: Password reset v1");
        assertThat(oldestFirst.getFirst().summary()).contains("I forgot my password");
        assertThat(oldestFirst).allSatisfy(e -> assertThat(e.client()).isEqualTo(contoso.id()));
        assertThat(oldestFirst).extracting(e -> e.session().orElseThrow()).containsOnly(
                oldestFirst.getFirst().session().orElseThrow());
    }

    @Test
    void theSameTicketTakenInTwiceStartsOneSessionAndPostsOneNote() {
        String ticket = aTicket("250", "I forgot my password");

        IntakeResult first = world.intake(ticket);
        IntakeResult beforeWork = world.intake(ticket);
        world.work();
        IntakeResult afterWork = world.takeIn(ticket);

        UUIDs.assertSameSession(first, beforeWork, afterWork);
        assertThat(world.psa().notes(ticket)).hasSize(1);
        assertThat(world.activityOf(ticket)).filteredOn(e -> e.kind() == ActivityKind.REQUEST).hasSize(1);
    }

    @Test
    void theSessionKeepsTheModeItStartedWithAndEndsCompleted() {
        String ticket = aTicket("250", "printer offline");
        IntakeResult.Queued queued = (IntakeResult.Queued) world.takeIn(ticket);

        AgentSession session = world.session(queued.session());
        assertThat(session.mode()).isEqualTo(EffectiveMode.PLAN);
        assertThat(session.state()).isEqualTo(AgentSession.State.COMPLETED);
        assertThat(session.notePosted()).as("the session records its own note").isTrue();
        assertThat(session.externalReference()).isEqualTo(ticket);
        assertThat(session.channel()).isEqualTo(AgentSession.Channel.TICKET);
    }

    @Test
    void workForAClientThatIsNotActiveWaitsAndIsWorkedInOrderOnceItIs() {
        world.clients().update(world.clients().find(contoso.id()).orElseThrow()
                .movedTo(AgentStatus.ERROR, "the agent container died", world.clock().instant()));
        String first = aTicket("250", "I forgot my password");
        String second = aTicket("250", "shared mailbox access");
        world.intake(first);
        world.intake(second);

        assertThat(world.work()).as("no work is handed to a client that is not active").isZero();
        assertThat(world.agents().work.waiting(contoso.id(), world.clock().instant())).isEqualTo(2);
        assertThat(world.psa().allNotes()).isEmpty();

        world.clients().update(world.clients().find(contoso.id()).orElseThrow()
                .movedTo(AgentStatus.PROVISIONING, "retry", world.clock().instant())
                .movedTo(AgentStatus.ACTIVE, "agent acknowledged", world.clock().instant()));
        assertThat(world.work()).isEqualTo(2);

        assertThat(world.psa().notes(first)).hasSize(1);
        assertThat(world.psa().notes(second)).hasSize(1);
        assertThat(world.psa().allNotes().getFirst().ticketId()).as("worked in the order they arrived")
                .isEqualTo(first);
    }

    @Test
    void aTicketOfAnUnmappedCompanyIsSkippedWithoutANote() {
        String ticket = aTicket("999", "I forgot my password");

        assertThat(world.takeIn(ticket)).isInstanceOfSatisfying(IntakeResult.Skipped.class,
                s -> assertThat(s.reason()).contains("999"));
        assertThat(world.psa().notes(ticket)).isEmpty();
    }

    @Test
    void aClosedTicketIsSkipped() {
        String ticket = aTicket("250", "I forgot my password");
        world.psa().updateStatus(ticket, "Closed");

        assertThat(world.takeIn(ticket)).isInstanceOf(IntakeResult.Skipped.class);
        assertThat(world.psa().notes(ticket)).isEmpty();
    }

    @Test
    void anUnknownTicketOrPsaIsNotFound() {
        assertThatThrownBy(() -> world.intake("424242")).isInstanceOf(NotFound.class).hasMessageContaining("424242");
        assertThatThrownBy(() -> world.intake().intake(new IntakeTicketCommand(world.mspId(), "halopsa", "1")))
                .isInstanceOf(NotFound.class).hasMessageContaining("halopsa");
    }

    @Test
    void aBlankCommandNamesEveryField() {
        assertThatThrownBy(() -> world.intake().intake(new IntakeTicketCommand(null, " ", "")))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).contains("msp", "integrationKind", "ticketId"));
    }

    @Test
    void pollingTakesInEveryNewTicketOnceThroughTheSameIntakeEvenWhenWindowsOverlap() {
        String a = aTicket("250", "I forgot my password");
        String b = aTicket("250", "shared mailbox access");
        PollTicketsCommand poll = new PollTicketsCommand(world.mspId(), "connectwise",
                Instant.parse("2026-11-22T08:00:00Z"));

        assertThat(world.poll().poll(poll)).hasSize(2).allMatch(r -> r instanceof IntakeResult.Queued);
        world.work();
        assertThat(world.poll().poll(poll)).allMatch(r -> r instanceof IntakeResult.AlreadyHandled);
        world.work();
        assertThat(world.psa().notes(a)).hasSize(1);
        assertThat(world.psa().notes(b)).hasSize(1);
    }

    @Test
    void planModeRecordsARefusedWriteAndNeverRepliesToTheRequester() {
        String ticket = aTicket("250", "I forgot my password");
        world.takeIn(ticket);

        assertThat(world.psa().allNotes()).noneMatch(n -> n.visibility() == Visibility.PUBLIC);
        assertThat(world.activityOf(ticket)).noneMatch(e -> e.kind() == ActivityKind.REPLY
                || e.kind() == ActivityKind.APPROVAL || e.outcome() == ActivityOutcome.AWAITING_APPROVAL);
    }

    @Test
    void anItemWhoseAgentFailedIsDeliveredAgainAfterItsLeaseAndPostsOneNote() {
        String ticket = aTicket("250", "I forgot my password");
        failingFirstNotes(1);

        world.takeIn(ticket);
        assertThat(world.psa().notes(ticket)).as("the PSA refused the first note").isEmpty();
        assertThat(world.work()).as("the lease still runs: not delivered again yet").isZero();

        world.clock().advance(Duration.ofSeconds(31));
        assertThat(world.work()).isOne();

        assertThat(world.psa().notes(ticket)).hasSize(1);
        assertThat(world.activityOf(ticket)).filteredOn(e -> e.kind() == ActivityKind.NOTE).hasSize(1);
    }

    @Test
    void aSessionThatFailedBeforeItsNoteRunsAgainOnTheNextDeliveryOfItsTicketAsTheSameSession() {
        String ticket = aTicket("250", "I forgot my password");
        failingFirstNotes(WorkItem.MAX_DELIVERIES);
        IntakeResult.Queued first = (IntakeResult.Queued) world.takeIn(ticket);
        for (int i = 0; i <= WorkItem.MAX_DELIVERIES; i++) {
            world.clock().advance(Duration.ofSeconds(31));
            world.work();
        }
        assertThat(world.session(first.session()).state()).as("given up after " + WorkItem.MAX_DELIVERIES
                + " deliveries").isEqualTo(AgentSession.State.FAILED);
        assertThat(world.activityOf(ticket)).anyMatch(e -> e.summary().contains("gave it up"));

        IntakeResult retried = world.takeIn(ticket);
        IntakeResult third = world.takeIn(ticket);

        assertThat(retried).isInstanceOfSatisfying(IntakeResult.Queued.class,
                q -> assertThat(q.session()).isEqualTo(first.session()));
        assertThat(third).isInstanceOf(IntakeResult.AlreadyHandled.class);
        assertThat(world.psa().notes(ticket)).hasSize(1);
        assertThat(world.session(first.session()).state()).isEqualTo(AgentSession.State.COMPLETED);
    }

    @Test
    void aSessionWhoseNoteReachedTheTicketIsNeverRunAgain() {
        String ticket = aTicket("250", "I forgot my password");
        IntakeResult.Queued queued = (IntakeResult.Queued) world.takeIn(ticket);
        AgentSession done = world.session(queued.session());
        world.agents().sessions.update(done.ended(AgentSession.State.FAILED, world.clock().instant()));

        assertThat(world.takeIn(ticket)).isInstanceOf(IntakeResult.AlreadyHandled.class);
        assertThat(world.psa().notes(ticket)).hasSize(1);
    }

    private void failingFirstNotes(int failures) {
        AtomicInteger attempts = new AtomicInteger();
        world.connectPsa((TicketSystem) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {TicketSystem.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("addInternalNote") && attempts.incrementAndGet() <= failures) {
                        throw PortFailure.retryable("connectwise", "HTTP 503", null);
                    }
                    try {
                        return method.invoke(world.psa(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }

    /** The session every intake result names must be the same one. */
    private static final class UUIDs {
        static void assertSameSession(IntakeResult... results) {
            assertThat(List.of(results)).extracting(r -> switch (r) {
                case IntakeResult.Queued q -> q.session();
                case IntakeResult.AlreadyHandled a -> a.session();
                case IntakeResult.Closed c -> c.session();
                case IntakeResult.Skipped s -> null;
            }).doesNotContainNull().containsOnly(((IntakeResult.Queued) results[0]).session());
        }
    }
}
