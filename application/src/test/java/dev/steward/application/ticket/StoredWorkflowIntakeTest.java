package dev.steward.application.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.agentloop.AgentWorldAccess;
import dev.steward.application.port.psa.PsaNote;
import dev.steward.application.port.psa.PsaNote.Visibility;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.Forbidden;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.workflow.ChangeWorkflowStatusCommand;
import dev.steward.application.workflow.CreateWorkflowCommand;
import dev.steward.application.workflow.WorkflowContent;
import dev.steward.application.workflow.WorkflowDetails;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.mode.OperatingMode;
import dev.steward.domain.problem.IllegalTransition;
import dev.steward.domain.workflow.AppliedWorkflow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A workflow an MSP writes for one client drives that client's tickets, end to end, and no one else's, once it is
 * active; the note's session records the version it used, and the activity says so.
 */
class StoredWorkflowIntakeTest {

    private static final WorkflowContent PRINTER = new WorkflowContent("Printer",
            "The requester's \"printer\" is offline.", "List the user's printers, then restart the spooler.",
            List.of(new WorkflowContent.Check("intune:list-printers", Map.of("user", "{requester}"))),
            List.of(new WorkflowContent.Action("intune:restart-spooler", Map.of("device", "the user's PC"),
                    "a stuck spooler is the usual cause")));

    private final AgentWorldAccess world = AgentWorldAccess.withRunbooks();
    private final Client contoso = world.client("250", OperatingMode.INHERIT);

    {
        world.client("300", OperatingMode.INHERIT);
        world.connect("intune", List.of(Tool.readOnly("intune:list-printers", "List a user's printers")
                        .taking(ToolParameter.required("user", ToolParameter.Type.STRING, "UPN")),
                Tool.write("intune:restart-spooler", "Restart the print spooler")
                        .taking(ToolParameter.required("device", ToolParameter.Type.STRING, "Device"))), Map.of());
    }

    private WorkflowDetails create(String status) {
        return world.createWorkflow().create(new CreateWorkflowCommand(world.mspId(),
                Optional.of(contoso.slug().value()), PRINTER, Optional.of(status), "tech@msp.example",
                UserRole.MSP_TECHNICIAN));
    }

    private String ticket(String company) {
        String ticket = world.psa().open(company, "Printer offline again", "Since this morning",
                "dana@contoso.example", Instant.parse("2026-11-22T08:59:00Z"));
        world.takeIn(ticket);
        return ticket;
    }

    @Test
    void theClientsActiveWorkflowRunsItsCheckPlansItsActionAndIsRecordedWithItsVersion() {
        WorkflowDetails printer = create("active");
        String ticket = ticket("250");
        List<PsaNote> notes = world.psa().notes(ticket);

        assertThat(world.executed()).extracting(i -> i.tool().value()).containsExactly("intune:list-printers");
        assertThat(world.executed().getFirst().arguments()).containsEntry("user", "dana@contoso.example");
        assertThat(notes).singleElement().satisfies(note -> {
            assertThat(note.visibility()).isEqualTo(Visibility.INTERNAL);
            assertThat(note.text()).contains("Printer").contains("intune:list-printers")
                    .contains("1. intune:restart-spooler").contains("a stuck spooler is the usual cause");
        });
        assertThat(world.activityOf(ticket)).extracting(ActivityEntry::summary)
                .anyMatch(summary -> summary.endsWith("\n\nWorkflows applied: Printer v1"));
        UUID session = world.activityOf(ticket).getFirst().session().orElseThrow();
        assertThat(world.agents().workflows.usedBy(world.mspId(), session))
                .containsExactly(new AppliedWorkflow(printer.workflow().id(), printer.workflow().name(), 1));
    }

    @Test
    void aDraftDoesNotApplyUntilActivatedAndAnArchivedOneNoLonger() {
        WorkflowDetails draft = create("draft");
        assertThat(world.psa().notes(ticket("250"))).singleElement()
                .satisfies(note -> assertThat(note.text()).contains("No workflow matches"));

        WorkflowDetails active = world.changeWorkflowStatus().change(new ChangeWorkflowStatusCommand(world.mspId(),
                draft.workflow().id().toString(), "active", "lead@msp.example", UserRole.MSP_TECHNICIAN));
        assertThat(active.history()).extracting(v -> v.changedBy()).containsExactly("tech@msp.example",
                "lead@msp.example");
        assertThat(world.psa().notes(ticket("250"))).singleElement()
                .satisfies(note -> assertThat(note.text()).contains("intune:restart-spooler"));

        world.changeWorkflowStatus().change(new ChangeWorkflowStatusCommand(world.mspId(),
                draft.workflow().id().toString(), "archived", "lead@msp.example", UserRole.MSP_TECHNICIAN));
        assertThat(world.psa().notes(ticket("250"))).singleElement()
                .satisfies(note -> assertThat(note.text()).contains("No workflow matches"));
        assertThatThrownBy(() -> world.changeWorkflowStatus().change(new ChangeWorkflowStatusCommand(world.mspId(),
                draft.workflow().id().toString(), "draft", "lead@msp.example", UserRole.MSP_TECHNICIAN)))
                .isInstanceOf(IllegalTransition.class).hasMessage("a workflow cannot move from archived to draft");
    }

    @Test
    void anotherClientsTicketIsNotDrivenByIt() {
        create("active");
        List<PsaNote> notes = world.psa().notes(ticket("300"));

        assertThat(world.executed()).isEmpty();
        assertThat(notes).singleElement().satisfies(note -> assertThat(note.text())
                .contains("No workflow matches").doesNotContain("intune:restart-spooler"));
    }

    @Test
    void badInputIsAnErrorOnTheFieldAndStoresNothing() {
        WorkflowContent empty = new WorkflowContent("Printer", " ", "", List.of(), List.of(
                new WorkflowContent.Action("intune:restart-spooler", Map.of(), " ")));
        assertThatThrownBy(() -> world.createWorkflow().create(new CreateWorkflowCommand(world.mspId(),
                Optional.empty(), empty, Optional.of("archived"), "admin@msp.example", UserRole.MSP_ADMIN)))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field() + " " + v.code())
                        .containsExactlyInAnyOrder("trigger trigger.required", "instructions instructions.required",
                                "actions[0].reason actions[0].reason.required", "status status.not-initial"));

        create("active");
        assertThatThrownBy(() -> world.createWorkflow().create(new CreateWorkflowCommand(world.mspId(),
                Optional.of(contoso.slug().value()), new WorkflowContent("PRINTER", "A \"printer\" issue.", "x",
                List.of(), List.of()), Optional.empty(), "tech@msp.example", UserRole.MSP_TECHNICIAN)))
                .isInstanceOfSatisfying(Conflict.class, c -> {
                    assertThat(c.code()).isEqualTo("workflow.name-taken");
                    assertThat(c.field()).contains("name");
                });
        assertThatThrownBy(() -> world.createWorkflow().create(new CreateWorkflowCommand(world.mspId(),
                Optional.empty(), PRINTER, Optional.empty(), "tech@msp.example", UserRole.MSP_TECHNICIAN)))
                .as("MSP-wide workflows are an admin's").isInstanceOf(Forbidden.class);
    }
}
