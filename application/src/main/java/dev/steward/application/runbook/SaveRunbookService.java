package dev.steward.application.runbook;

import dev.steward.application.client.ClientLookup;
import dev.steward.application.port.ClientRepository;
import dev.steward.application.port.IdGenerator;
import dev.steward.application.port.MspRepository;
import dev.steward.application.port.PlannedAction;
import dev.steward.application.port.Runbook;
import dev.steward.application.port.RunbookId;
import dev.steward.application.port.RunbookPlaceholders;
import dev.steward.application.port.RunbookStore;
import dev.steward.application.port.StoredRunbook;
import dev.steward.application.port.UnitOfWork;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.Violations;
import dev.steward.domain.text.VisibleText;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ToolName;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class SaveRunbookService implements SaveRunbookUseCase {

    private final CommandValidator validator;
    private final RunbookStore runbooks;
    private final ClientRepository clients;
    private final MspRepository msps;
    private final IdGenerator ids;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    @Inject
    public SaveRunbookService(CommandValidator validator, RunbookStore runbooks, ClientRepository clients,
                              MspRepository msps, IdGenerator ids, Clock clock, UnitOfWork unitOfWork) {
        this.validator = validator;
        this.runbooks = runbooks;
        this.clients = clients;
        this.msps = msps;
        this.ids = ids;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public RunbookDetails save(SaveRunbookCommand command) {
        Violations violations = validator.check(command);
        violations.attempt(() -> {
            VisibleText.require("name", command.name());
            return null;
        });
        List<String> triggers = triggers(command.triggers(), violations);
        List<Runbook.Step> diagnosis = diagnosis(command.diagnosis(), violations);
        List<PlannedAction> plan = plan(command.plan(), violations);
        violations.throwIfAny();
        Runbook runbook = new Runbook(command.name(), triggers, diagnosis, plan);
        return unitOfWork.inTransaction(() -> {
            ClientLookup.requireMsp(msps, command.msp());
            StoredRunbook stored;
            if (command.id().isPresent()) {
                StoredRunbook existing = RunbookLookup.require(runbooks, command.msp(), command.id().get());
                RunbookLookup.permissionFor(existing.client()).require(command.role());
                stored = new StoredRunbook(existing.id(), existing.msp(), existing.client(), runbook, clock.instant());
            } else {
                RunbookLookup.permissionFor(command.client()).require(command.role());
                Optional<ClientId> client = command.client()
                        .map(slug -> ClientLookup.require(clients, command.msp(), slug)).map(Client::id);
                stored = new StoredRunbook(new RunbookId(ids.next()), command.msp(), client, runbook,
                        clock.instant());
            }
            return RunbookLookup.details(runbooks.save(stored), clients);
        });
    }

    private static List<String> triggers(List<String> given, Violations violations) {
        List<String> triggers = new ArrayList<>();
        for (int i = 0; given != null && i < given.size(); i++) {
            if (given.get(i) == null || given.get(i).isBlank()) {
                required(violations, "triggers[" + i + "]");
            } else {
                triggers.add(given.get(i));
            }
        }
        return triggers;
    }

    private static List<Runbook.Step> diagnosis(List<SaveRunbookCommand.Step> given, Violations violations) {
        List<Runbook.Step> steps = new ArrayList<>();
        for (int i = 0; given != null && i < given.size(); i++) {
            String field = "diagnosis[" + i + "]";
            SaveRunbookCommand.Step step = given.get(i);
            if (step == null) {
                required(violations, field);
                continue;
            }
            ToolName tool = tool(step.tool(), field, violations);
            Map<String, String> arguments = arguments(step.arguments(), field, violations);
            if (tool != null && arguments != null) {
                steps.add(new Runbook.Step(tool, arguments));
            }
        }
        return steps;
    }

    private static List<PlannedAction> plan(List<SaveRunbookCommand.Action> given, Violations violations) {
        List<PlannedAction> plan = new ArrayList<>();
        for (int i = 0; given != null && i < given.size(); i++) {
            String field = "plan[" + i + "]";
            SaveRunbookCommand.Action action = given.get(i);
            if (action == null) {
                required(violations, field);
                continue;
            }
            ToolName tool = tool(action.tool(), field, violations);
            Map<String, String> arguments = arguments(action.arguments(), field, violations);
            // the reason is what the technician reads in the note: a planned action without one says nothing
            if (action.reason() == null || action.reason().isBlank()) {
                required(violations, field + ".reason");
            } else if (tool != null && arguments != null) {
                plan.add(new PlannedAction(tool, arguments, action.reason().strip()));
            }
        }
        return plan;
    }

    private static ToolName tool(String tool, String field, Violations violations) {
        return violations.attempt(field + ".tool", () -> ToolName.of(tool));
    }

    /** Absent arguments are none; a null key or value cannot be a template, nor a placeholder Steward cannot fill. */
    private static Map<String, String> arguments(Map<String, String> given, String field, Violations violations) {
        if (given == null) {
            return Map.of();
        }
        // streamed, not containsValue(null): immutable maps throw on a null query
        if (given.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getKey().isBlank()
                || e.getValue() == null)) {
            violations.add(new FieldViolation(field + ".arguments", field + ".arguments.invalid",
                    "every argument needs a name and a text value"));
            return null;
        }
        for (Map.Entry<String, String> argument : new java.util.TreeMap<>(given).entrySet()) {
            for (String placeholder : new java.util.TreeSet<>(RunbookPlaceholders.used(argument.getValue()))) {
                if (!RunbookPlaceholders.KNOWN.contains(placeholder)) {
                    violations.add(new FieldViolation(field + ".arguments." + argument.getKey(),
                            field + ".arguments.unknown-placeholder", "{" + placeholder + "} is not a placeholder "
                            + "(known: " + new java.util.TreeSet<>(RunbookPlaceholders.KNOWN) + ")"));
                    return null;
                }
            }
        }
        return given;
    }

    private static void required(Violations violations, String field) {
        violations.add(new FieldViolation(field, field + ".required", "is required"));
    }
}
