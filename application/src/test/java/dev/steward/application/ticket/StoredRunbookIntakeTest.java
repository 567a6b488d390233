package dev.steward.application.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.agentloop.AgentWorldAccess;
import dev.steward.application.port.PsaNote;
import dev.steward.application.port.PsaNote.Visibility;
import dev.steward.application.runbook.SaveRunbookCommand;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.mode.OperatingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A runbook an MSP saves for one client drives that client's tickets, end to end, and no one else's. */
class StoredRunbookIntakeTest {

    private final AgentWorldAccess world = AgentWorldAccess.withRunbooks();
    private final Client contoso = world.client("250", OperatingMode.INHERIT);

    {
        world.client("300", OperatingMode.INHERIT);
        world.connect("intune", List.of(Tool.readOnly("intune:list-printers", "List a user's printers")
                        .taking(ToolParameter.required("user", ToolParameter.Type.STRING, "UPN")),
                Tool.write("intune:restart-spooler", "Restart the print spooler")
                        .taking(ToolParameter.required("device", ToolParameter.Type.STRING, "Device"))), Map.of());
        world.saveRunbook().save(new SaveRunbookCommand(world.mspId(), Optional.of(contoso.slug().value()),
                Optional.empty(), "Printer", List.of("printer"),
                List.of(new SaveRunbookCommand.Step("intune:list-printers", Map.of("user", "{requester}"))),
                List.of(new SaveRunbookCommand.Action("intune:restart-spooler", Map.of("device", "the user's PC"),
                        "a stuck spooler is the usual cause")), dev.steward.domain.approval.UserRole.MSP_TECHNICIAN));
    }

    private List<PsaNote> intake(String company) {
        String ticket = world.psa().open(company, "Printer offline again", "Since this morning",
                "dana@contoso.example", Instant.parse("2026-11-22T08:59:00Z"));
        world.takeIn(ticket);
        return world.psa().notes(ticket);
    }

    @Test
    void theClientsRunbookRunsItsReadOnlyCheckAndPlansItsActionInTheOneInternalNote() {
        List<PsaNote> notes = intake("250");

        assertThat(world.executed()).extracting(i -> i.tool().value()).containsExactly("intune:list-printers");
        assertThat(world.executed().getFirst().arguments()).containsEntry("user", "dana@contoso.example");
        assertThat(notes).singleElement().satisfies(note -> {
            assertThat(note.visibility()).isEqualTo(Visibility.INTERNAL);
            assertThat(note.text()).contains("Printer").contains("intune:list-printers")
                    .contains("1. intune:restart-spooler").contains("a stuck spooler is the usual cause");
        });
    }

    @Test
    void anotherClientsTicketIsNotDrivenByIt() {
        List<PsaNote> notes = intake("300");

        assertThat(world.executed()).isEmpty();
        assertThat(notes).singleElement().satisfies(note -> assertThat(note.text())
                .contains("No runbook matches").doesNotContain("intune:restart-spooler"));
    }
}
