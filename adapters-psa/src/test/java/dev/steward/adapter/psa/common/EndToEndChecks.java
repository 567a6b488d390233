package dev.steward.adapter.psa.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.port.psa.PsaNote;
import dev.steward.application.port.psa.TicketSystem;
import dev.steward.application.port.psa.TicketSystemContract.NoteSeed;
import dev.steward.application.ticket.IntakeResult;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.mode.OperatingMode;
import java.util.List;
import java.util.function.BiConsumer;

/** The "done means" of issue 5, checked the same way for every PSA. */
public final class EndToEndChecks {

    private EndToEndChecks() {
    }

    /** Two deliveries of one ticket: one session, the request, the read-only calls and the note in the log. */
    public static void assertOneSessionAndAFullActivityTrail(AgentPipeline pipeline, String ticketId) {
        IntakeResult first = pipeline.ticketArrived(ticketId);
        IntakeResult replay = pipeline.ticketArrived(ticketId);

        assertThat(first).isInstanceOf(IntakeResult.Queued.class);
        assertThat(replay).isInstanceOf(IntakeResult.AlreadyHandled.class);
        List<ActivityEntry> oldestFirst = pipeline.activityOf(ticketId).reversed();
        assertThat(oldestFirst).extracting(ActivityEntry::kind).containsExactly(ActivityKind.REQUEST,
                ActivityKind.TOOL_CALL, ActivityKind.TOOL_CALL, ActivityKind.NOTE);
        assertThat(oldestFirst).filteredOn(e -> e.kind() == ActivityKind.TOOL_CALL)
                .allMatch(e -> e.outcome() == ActivityOutcome.OK);
        assertThat(pipeline.executor().executed()).extracting(i -> i.tool().value())
                .containsExactly("m365:get-user", "m365:list-sign-ins");
    }

    /**
     * A ticket in execute mode whose plan needs approval: the approval request goes on the ticket as an internal note;
     * the MSP's technician writes {@code approve} in the PSA ({@code writeInThePsa}); the next delivery of the
     * ticket reads the note, the call runs exactly once with the planned arguments, and the requester gets a reply.
     */
    public static void assertATechniciansApproveNoteInThePsaRunsTheCall(TicketSystem psa, String companyId,
                                                                       String ticketId,
                                                                       BiConsumer<String, NoteSeed> writeInThePsa) {
        AgentPipeline pipeline = new AgentPipeline(psa, companyId, OperatingMode.EXECUTE);
        assertThat(pipeline.ticketArrived(ticketId)).isInstanceOf(IntakeResult.Queued.class);
        assertThat(psa.notes(ticketId)).as("the approval request").anySatisfy(n -> {
            assertThat(n.visibility()).isEqualTo(PsaNote.Visibility.INTERNAL);
            assertThat(n.text()).contains("m365:reset-password").containsIgnoringCase("approve");
        });
        assertThat(pipeline.executor().executed()).extracting(i -> i.tool().value())
                .doesNotContain("m365:reset-password");
        long repliesBefore = psa.notes(ticketId).stream().filter(n -> n.visibility() == PsaNote.Visibility.PUBLIC)
                .count();

        writeInThePsa.accept(ticketId, new NoteSeed("approve - called Dana back", PsaNote.Visibility.INTERNAL,
                PsaNote.Author.technician("Ana Tech", AgentPipeline.TECHNICIAN)));
        pipeline.ticketArrived(ticketId);
        pipeline.ticketArrived(ticketId);

        assertThat(pipeline.executor().executed()).as("the approved call, once, with the planned arguments")
                .filteredOn(i -> i.tool().value().equals("m365:reset-password")).singleElement()
                .satisfies(i -> assertThat(i.arguments()).containsOnlyKeys("user"));
        assertThat(psa.notes(ticketId)).as("one reply to the requester")
                .filteredOn(n -> n.visibility() == PsaNote.Visibility.PUBLIC).hasSize((int) repliesBefore + 1);
    }
}
