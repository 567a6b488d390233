package dev.steward.adapter.psa.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.ticket.IntakeResult;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import java.util.List;

/** The "done means" of issue 5, checked the same way for every PSA. */
public final class EndToEndChecks {

    private EndToEndChecks() {
    }

    /** Two deliveries of one ticket: one session, the request, the read-only calls and the note in the log. */
    public static void assertOneSessionAndAFullActivityTrail(AgentPipeline pipeline, String ticketId) {
        IntakeResult first = pipeline.ticketArrived(ticketId);
        IntakeResult replay = pipeline.ticketArrived(ticketId);

        assertThat(first).isInstanceOf(IntakeResult.Handled.class);
        assertThat(replay).isInstanceOf(IntakeResult.AlreadyHandled.class);
        List<ActivityEntry> oldestFirst = pipeline.activityOf(ticketId).reversed();
        assertThat(oldestFirst).extracting(ActivityEntry::kind).containsExactly(ActivityKind.REQUEST,
                ActivityKind.TOOL_CALL, ActivityKind.TOOL_CALL, ActivityKind.NOTE);
        assertThat(oldestFirst).filteredOn(e -> e.kind() == ActivityKind.TOOL_CALL)
                .allMatch(e -> e.outcome() == ActivityOutcome.OK);
        assertThat(pipeline.executor().executed()).extracting(i -> i.tool().value())
                .containsExactly("m365:get-user", "m365:list-auth-methods");
    }
}
