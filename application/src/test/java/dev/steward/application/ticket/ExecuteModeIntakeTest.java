package dev.steward.application.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.agentloop.AgentWorldAccess;
import dev.steward.application.agentloop.RunbookReasoner;
import dev.steward.application.port.PsaNote;
import dev.steward.application.port.PsaNote.Visibility;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.mode.OperatingMode;
import dev.steward.domain.session.AgentSession;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Execute mode: diagnosis and note as in plan mode, then the plan under each tool's policy. */
class ExecuteModeIntakeTest {

    private static final ToolName REVOKE = ToolName.of("m365:revoke-sessions");
    private static final ToolName RESET = ToolName.of("m365:reset-password");

    private final AgentWorldAccess world = new AgentWorldAccess(new RunbookReasoner());

    {
        world.client("250", OperatingMode.EXECUTE);
    }

    private String ticket() {
        return world.psa().open("250", "Outlook keeps asking for password", "", "dana@contoso.example",
                Instant.parse("2026-11-22T08:59:00Z"));
    }

    private void connect(ToolPolicy revoke, ToolPolicy reset) {
        world.connect("m365", List.of(Tool.readOnly("m365:get-user", "Read a user"),
                Tool.readOnly("m365:list-auth-methods", "List sign-in methods"),
                Tool.write(REVOKE.value(), "Revoke sessions"), Tool.write(RESET.value(), "Reset a password")),
                Map.of(REVOKE, revoke, RESET, reset));
    }

    private IntakeResult.Handled intake(String ticket) {
        return (IntakeResult.Handled) world.intake().intake(new IntakeTicketCommand(world.mspId(), "connectwise",
                ticket));
    }

    @Test
    void autoToolsRunAfterTheNoteAndTheRequesterGetsOneReply() {
        connect(ToolPolicy.AUTO, ToolPolicy.AUTO);
        String ticket = ticket();

        IntakeResult.Handled handled = intake(ticket);

        assertThat(world.executed()).extracting(i -> i.tool().value()).containsExactly("m365:get-user",
                "m365:list-auth-methods", "m365:revoke-sessions", "m365:reset-password");
        List<PsaNote> notes = world.psa().notes(ticket);
        assertThat(notes).extracting(PsaNote::visibility).containsExactly(Visibility.INTERNAL, Visibility.PUBLIC);
        assertThat(notes.get(1).text()).contains("clear stale sign-in sessions: done")
                .doesNotContain("m365:");
        assertThat(world.activityOf(ticket).reversed()).extracting(ActivityEntry::kind).containsExactly(
                ActivityKind.REQUEST, ActivityKind.TOOL_CALL, ActivityKind.TOOL_CALL, ActivityKind.NOTE,
                ActivityKind.TOOL_CALL, ActivityKind.TOOL_CALL, ActivityKind.REPLY);
        assertThat(world.session(handled.session()).state()).isEqualTo(AgentSession.State.COMPLETED);
    }

    @Test
    void anApprovalNeededToolPausesTheSessionWithAnApprovalCommentAndNoReply() {
        connect(ToolPolicy.AUTO, ToolPolicy.APPROVAL_NEEDED);
        String ticket = ticket();

        IntakeResult.Handled handled = intake(ticket);

        assertThat(world.executed()).extracting(i -> i.tool().value()).doesNotContain("m365:reset-password")
                .contains("m365:revoke-sessions");
        List<PsaNote> notes = world.psa().notes(ticket);
        assertThat(notes).extracting(PsaNote::visibility).containsOnly(Visibility.INTERNAL).hasSize(2);
        assertThat(notes.get(1).text()).startsWith("Approval needed: m365:reset-password");
        assertThat(world.activityOf(ticket)).anyMatch(e -> e.outcome() == ActivityOutcome.AWAITING_APPROVAL)
                .anyMatch(e -> e.kind() == ActivityKind.APPROVAL).noneMatch(e -> e.kind() == ActivityKind.REPLY);
        assertThat(world.session(handled.session()).state()).isEqualTo(AgentSession.State.AWAITING_APPROVAL);
    }
}
