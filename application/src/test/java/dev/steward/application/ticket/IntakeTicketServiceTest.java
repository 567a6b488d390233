package dev.steward.application.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.agentloop.AgentWorldAccess;
import dev.steward.application.agentloop.RunbookReasoner;
import dev.steward.application.port.PsaNote;
import dev.steward.application.port.PsaNote.Visibility;
import dev.steward.application.port.TicketSystem;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.mode.OperatingMode;
import dev.steward.domain.session.AgentSession;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IntakeTicketServiceTest {

    private final AgentWorldAccess world = new AgentWorldAccess(new RunbookReasoner());
    private final Client contoso = world.client("250", OperatingMode.INHERIT);

    {
        world.connect("m365", List.of(Tool.readOnly("m365:get-user", "Read a user"),
                Tool.readOnly("m365:list-auth-methods", "List sign-in methods"),
                Tool.write("m365:reset-password", "Reset a password")), Map.of());
    }

    private String aTicket(String company, String summary) {
        return world.psa().open(company, summary, "Since this morning", "dana@contoso.example",
                Instant.parse("2026-11-22T08:59:00Z"));
    }

    private IntakeResult intake(String ticket) {
        return world.intake().intake(new IntakeTicketCommand(world.mspId(), "connectwise", ticket));
    }

    @Test
    void aTicketInPlanModeEndsWithExactlyOneInternalNoteHoldingDiagnosisAndPlan() {
        String ticket = aTicket("250", "Outlook keeps asking for password");

        IntakeResult result = intake(ticket);

        assertThat(result).isInstanceOf(IntakeResult.Handled.class);
        List<PsaNote> notes = world.psa().notes(ticket);
        assertThat(notes).singleElement().satisfies(note -> {
            assertThat(note.visibility()).isEqualTo(Visibility.INTERNAL);
            assertThat(note.text()).contains("plan mode").contains("Diagnosis:").contains("Sign-in trouble")
                    .contains("m365:get-user (user=dana@contoso.example) → ok")
                    .contains("Plan (not executed: plan mode)").contains("1. m365:revoke-sessions");
        });
        assertThat(world.executed()).extracting(i -> i.tool().value())
                .containsExactly("m365:get-user", "m365:list-auth-methods");
    }

    @Test
    void theActivityLogShowsTheRequestEachToolCallAndTheNote() {
        String ticket = aTicket("250", "Outlook keeps asking for password");
        intake(ticket);

        List<ActivityEntry> oldestFirst = world.activityOf(ticket).reversed();
        assertThat(oldestFirst).extracting(ActivityEntry::kind).containsExactly(ActivityKind.REQUEST,
                ActivityKind.TOOL_CALL, ActivityKind.TOOL_CALL, ActivityKind.NOTE);
        assertThat(oldestFirst.getFirst().summary()).contains("Outlook keeps asking for password");
        assertThat(oldestFirst).allSatisfy(e -> assertThat(e.client()).isEqualTo(contoso.id()));
        assertThat(oldestFirst).extracting(e -> e.session().orElseThrow()).containsOnly(
                oldestFirst.getFirst().session().orElseThrow());
    }

    @Test
    void theSameTicketTakenInTwiceStartsOneSessionAndPostsOneNote() {
        String ticket = aTicket("250", "Outlook keeps asking for password");

        IntakeResult first = intake(ticket);
        IntakeResult second = intake(ticket);

        assertThat(second).isInstanceOfSatisfying(IntakeResult.AlreadyHandled.class,
                again -> assertThat(again.session()).isEqualTo(((IntakeResult.Handled) first).session()));
        assertThat(world.psa().notes(ticket)).hasSize(1);
        assertThat(world.activityOf(ticket)).filteredOn(e -> e.kind() == ActivityKind.REQUEST).hasSize(1);
    }

    @Test
    void theSessionKeepsTheModeItStartedWithAndEndsCompleted() {
        String ticket = aTicket("250", "printer offline");
        IntakeResult.Handled handled = (IntakeResult.Handled) intake(ticket);

        AgentSession session = world.session(handled.session());
        assertThat(session.mode()).isEqualTo(EffectiveMode.PLAN);
        assertThat(session.state()).isEqualTo(AgentSession.State.COMPLETED);
        assertThat(session.externalReference()).isEqualTo(ticket);
        assertThat(session.channel()).isEqualTo(AgentSession.Channel.TICKET);
    }

    @Test
    void aTicketOfAnUnmappedCompanyIsSkippedWithoutANote() {
        String ticket = aTicket("999", "Outlook keeps asking for password");

        assertThat(intake(ticket)).isInstanceOfSatisfying(IntakeResult.Skipped.class,
                s -> assertThat(s.reason()).contains("999"));
        assertThat(world.psa().notes(ticket)).isEmpty();
    }

    @Test
    void aClosedTicketIsSkipped() {
        String ticket = aTicket("250", "Outlook keeps asking for password");
        world.psa().updateStatus(ticket, "Closed");

        assertThat(intake(ticket)).isInstanceOf(IntakeResult.Skipped.class);
        assertThat(world.psa().notes(ticket)).isEmpty();
    }

    @Test
    void anUnknownTicketOrPsaIsNotFound() {
        assertThatThrownBy(() -> intake("424242")).isInstanceOf(NotFound.class).hasMessageContaining("424242");
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
    void pollingTakesInEveryNewTicketOnceEvenWhenWindowsOverlap() {
        String a = aTicket("250", "Outlook keeps asking for password");
        String b = aTicket("250", "shared mailbox access");
        PollTicketsCommand poll = new PollTicketsCommand(world.mspId(), "connectwise",
                Instant.parse("2026-11-22T08:00:00Z"));

        assertThat(world.poll().poll(poll)).allMatch(r -> r instanceof IntakeResult.Handled);
        assertThat(world.poll().poll(poll)).allMatch(r -> r instanceof IntakeResult.AlreadyHandled);
        assertThat(world.psa().notes(a)).hasSize(1);
        assertThat(world.psa().notes(b)).hasSize(1);
    }

    @Test
    void planModeRecordsARefusedWriteAndNeverRepliesToTheRequester() {
        String ticket = aTicket("250", "Outlook keeps asking for password");
        intake(ticket);

        assertThat(world.psa().allNotes()).noneMatch(n -> n.visibility() == Visibility.PUBLIC);
        assertThat(world.activityOf(ticket)).noneMatch(e -> e.kind() == ActivityKind.REPLY
                || e.kind() == ActivityKind.APPROVAL || e.outcome() == ActivityOutcome.AWAITING_APPROVAL);
    }

    @Test
    void aSessionThatFailedBeforeItsNoteRunsAgainOnTheNextDeliveryAsTheSameSession() {
        String ticket = aTicket("250", "Outlook keeps asking for password");
        AtomicInteger attempts = new AtomicInteger();
        world.connectPsa((TicketSystem) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {TicketSystem.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("addInternalNote") && attempts.incrementAndGet() == 1) {
                        throw PortFailure.retryable("connectwise", "HTTP 503", null);
                    }
                    try {
                        return method.invoke(world.psa(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));

        assertThatThrownBy(() -> intake(ticket)).isInstanceOf(PortFailure.class);
        IntakeResult retried = intake(ticket);
        IntakeResult third = intake(ticket);

        assertThat(retried).isInstanceOf(IntakeResult.Handled.class);
        assertThat(third).isInstanceOf(IntakeResult.AlreadyHandled.class);
        assertThat(((IntakeResult.AlreadyHandled) third).session()).isEqualTo(((IntakeResult.Handled) retried).session());
        assertThat(world.psa().notes(ticket)).hasSize(1);
        assertThat(world.session(((IntakeResult.Handled) retried).session()).state())
                .isEqualTo(AgentSession.State.COMPLETED);
    }
}
