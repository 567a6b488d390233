package dev.steward.application.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.InMemoryCore;
import dev.steward.application.inmemory.InMemoryRunbookStore;
import dev.steward.application.port.PlannedAction;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.Forbidden;
import dev.steward.domain.approval.UserRole;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.client.Slug;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.Msp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunbookServicesTest {

    private final InMemoryCore core = new InMemoryCore();
    private final InMemoryRunbookStore store = new InMemoryRunbookStore(core.unitOfWork);
    private final SaveRunbookService save = new SaveRunbookService(core.validator, store, core.clients, core.msps,
            core.ids, core.clock, core.unitOfWork);
    private final ListRunbooksService list = new ListRunbooksService(store, core.clients, core.msps);
    private final DeleteRunbookService delete = new DeleteRunbookService(store, core.unitOfWork);
    private final Msp msp = core.anMsp();

    @AfterEach
    void stop() {
        core.close();
    }

    private SaveRunbookCommand printer(Optional<String> client, Optional<String> id, String name) {
        return new SaveRunbookCommand(msp.id(), client, id, name, List.of("printer", " Toner "),
                List.of(new SaveRunbookCommand.Step("intune:list-printers", Map.of("user", "{requester}"))),
                List.of(new SaveRunbookCommand.Action("intune:restart-spooler", null, " the usual cause ")),
                UserRole.MSP_ADMIN);
    }

    @Test
    void savesAnMspWideAndAClientsRunbookAndListsEachScope() {
        core.aClient(msp, "Acme", "acme");

        RunbookDetails mspWide = save.save(printer(Optional.empty(), Optional.empty(), "Printer"));
        RunbookDetails acme = save.save(printer(Optional.of("acme"), Optional.empty(), "Printer"));

        assertThat(mspWide.client()).isEmpty();
        assertThat(acme.client()).contains(Slug.of("acme"));
        assertThat(acme.runbook().updatedAt()).isEqualTo(core.clock.instant());
        assertThat(acme.runbook().runbook().triggers()).containsExactly("printer", "toner");
        assertThat(acme.runbook().runbook().plan()).containsExactly(new PlannedAction(
                ToolName.of("intune:restart-spooler"), Map.of(), "the usual cause"));
        assertThat(list.list(msp.id(), Optional.empty())).containsExactly(mspWide);
        assertThat(list.list(msp.id(), Optional.of("acme"))).containsExactly(acme);
    }

    @Test
    void savingTheSameNameReplacesAndSavingByIdRenames() {
        RunbookDetails first = save.save(printer(Optional.empty(), Optional.empty(), "Printer"));
        RunbookDetails again = save.save(printer(Optional.empty(), Optional.empty(), "Printer"));
        RunbookDetails renamed = save.save(printer(Optional.of("ignored"), Optional.of(first.runbook().id()
                .toString()), "Printers"));

        assertThat(again.runbook().id()).isEqualTo(first.runbook().id());
        assertThat(renamed.runbook().id()).isEqualTo(first.runbook().id());
        assertThat(renamed.client()).isEmpty();
        assertThat(list.list(msp.id(), Optional.empty())).extracting(r -> r.runbook().name())
                .containsExactly("Printers");
    }

    @Test
    void renamingOntoAnotherRunbooksNameIsAConflict() {
        save.save(printer(Optional.empty(), Optional.empty(), "Printer"));
        RunbookDetails vpn = save.save(printer(Optional.empty(), Optional.empty(), "VPN"));

        assertThatThrownBy(() -> save.save(printer(Optional.empty(), Optional.of(vpn.runbook().id().toString()),
                "Printer"))).isInstanceOfSatisfying(Conflict.class,
                        c -> assertThat(c.code()).isEqualTo("runbook.exists"));
    }

    @Test
    void namesEveryBadFieldAndChangesNothing() {
        SaveRunbookCommand bad = new SaveRunbookCommand(msp.id(), Optional.empty(), Optional.empty(), " ",
                Arrays.asList("printer", " ", null),
                Arrays.asList(new SaveRunbookCommand.Step("Not A Tool", Map.of()), null),
                List.of(new SaveRunbookCommand.Action("intune:restart-spooler", Map.of(), "ok"),
                        new SaveRunbookCommand.Action("", Map.of(), " ")), UserRole.MSP_ADMIN);

        assertThatThrownBy(() -> save.save(bad)).isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(
                e.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder("name", "triggers[1]",
                "triggers[2]", "diagnosis[0].tool", "diagnosis[1]", "plan[1].tool", "plan[1].reason"));
        assertThatThrownBy(() -> save.save(new SaveRunbookCommand(msp.id(), Optional.empty(), Optional.empty(),
                "Printer", List.of(), List.of(), List.of(), UserRole.MSP_ADMIN))).isInstanceOfSatisfying(InvalidCommand.class,
                        e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("triggers"));
        assertThat(list.list(msp.id(), Optional.empty())).isEmpty();
    }

    @Test
    void refusesAPlaceholderStewardCannotFillNamingTheArgument() {
        SaveRunbookCommand unknown = new SaveRunbookCommand(msp.id(), Optional.empty(), Optional.empty(), "Printer",
                List.of("printer"), List.of(new SaveRunbookCommand.Step("psa:get-ticket", Map.of("ticket",
                        "{ticket}"))), List.of(new SaveRunbookCommand.Action("m365:add-to-group",
                        Map.of("user", "{requester}", "group", "{printer_group}"), "grant the printer")),
                UserRole.MSP_ADMIN);

        assertThatThrownBy(() -> save.save(unknown)).isInstanceOfSatisfying(InvalidCommand.class, e -> {
            assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("plan[0].arguments.group");
            assertThat(e.violations().getFirst().message()).contains("{printer_group} is not a placeholder")
                    .contains("requester");
        });
        assertThat(list.list(msp.id(), Optional.empty())).isEmpty();
    }

    @Test
    void anUnknownClientOrRunbookIsNotFound() {
        assertThatThrownBy(() -> save.save(printer(Optional.of("nobody"), Optional.empty(), "Printer")))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> save.save(printer(Optional.empty(), Optional.of("not-an-id"), "Printer")))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> list.list(msp.id(), Optional.of("nobody"))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> delete.delete(msp.id(), UserRole.MSP_ADMIN, "not-an-id")).isInstanceOf(NotFound.class);
        assertThat(list.list(msp.id(), Optional.empty())).isEmpty();
    }

    @Test
    void deletesOnlyTheMspsOwn() {
        RunbookDetails stored = save.save(printer(Optional.empty(), Optional.empty(), "Printer"));
        String id = stored.runbook().id().toString();

        assertThatThrownBy(() -> delete.delete(core.anMsp().id(), UserRole.MSP_ADMIN, id)).isInstanceOf(NotFound.class);
        assertThat(list.list(msp.id(), Optional.empty())).hasSize(1);

        delete.delete(msp.id(), UserRole.MSP_ADMIN, id);
        assertThat(list.list(msp.id(), Optional.empty())).isEmpty();
        assertThatThrownBy(() -> delete.delete(msp.id(), UserRole.MSP_ADMIN, id)).isInstanceOf(NotFound.class);
    }

    @Test
    void aTechnicianWritesAClientsRunbooksButNotTheMspWideOnes() {
        core.aClient(msp, "Acme", "acme");
        RunbookDetails mspWide = save.save(printer(Optional.empty(), Optional.empty(), "Printer"));
        String mspWideId = mspWide.runbook().id().toString();

        RunbookDetails acme = save.save(asTechnician(printer(Optional.of("acme"), Optional.empty(), "Printer")));
        save.save(asTechnician(printer(Optional.empty(), Optional.of(acme.runbook().id().toString()), "Printer")));
        delete.delete(msp.id(), UserRole.MSP_TECHNICIAN, acme.runbook().id().toString());

        assertThatThrownBy(() -> save.save(asTechnician(printer(Optional.empty(), Optional.empty(), "VPN"))))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> save.save(asTechnician(printer(Optional.empty(), Optional.of(mspWideId), "x"))))
                .isInstanceOf(Forbidden.class).hasMessageContaining("change msp workflows");
        assertThatThrownBy(() -> delete.delete(msp.id(), UserRole.MSP_TECHNICIAN, mspWideId))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> save.save(new SaveRunbookCommand(msp.id(), Optional.of("acme"), Optional.empty(),
                "Printer", List.of("printer"), List.of(), List.of(), UserRole.MSP_VIEWER)))
                .isInstanceOf(Forbidden.class);
        assertThat(list.list(msp.id(), Optional.empty())).containsExactly(mspWide);
    }

    private static SaveRunbookCommand asTechnician(SaveRunbookCommand command) {
        return new SaveRunbookCommand(command.msp(), command.client(), command.id(), command.name(),
                command.triggers(), command.diagnosis(), command.plan(), UserRole.MSP_TECHNICIAN);
    }
}
