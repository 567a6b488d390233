package dev.steward.application.agentloop;

import dev.steward.application.port.AgentRequest;
import dev.steward.application.port.PlannedAction;
import dev.steward.application.port.Reasoner;
import dev.steward.application.port.ReasonerStep;
import dev.steward.application.port.ReasoningContext;
import dev.steward.application.port.Runbook;
import dev.steward.application.port.RunbookPlaceholders;
import dev.steward.application.port.RunbookStore;
import dev.steward.application.port.StoredRunbook;
import dev.steward.application.port.TranscriptItem;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The default reasoner: no model, only runbooks. The runbooks for a request are the client's own, then its MSP's,
 * then the built-in ones; a runbook whose name (ignoring case) an earlier one already has is left out, so an MSP or
 * a client can replace a built-in runbook by writing one of the same name. Every runbook whose trigger matches the
 * request applies; their checks run in order (only those whose tool is in the catalog and read-only, each once, with
 * every placeholder filled from the request), then it finishes with a diagnosis summarising the checks and the
 * runbooks' planned actions; an action whose placeholder the request gives no value for is not planned, and the
 * diagnosis says so. The same context and the same stored runbooks always give the same step.
 */
public final class RunbookReasoner implements Reasoner {

    private final BiFunction<MspId, ClientId, List<Runbook>> stored;
    private final List<Runbook> builtIn;

    @Inject
    public RunbookReasoner(RunbookStore store) {
        this((msp, client) -> store.forRequest(msp, client).stream().map(StoredRunbook::runbook).toList(),
                Runbook.defaults());
    }

    /**
     * What an agent runs: {@code written} are the client's and the MSP's runbooks from its configuration (in that
     * order), before the built-in ones.
     */
    public static RunbookReasoner withWritten(List<Runbook> written) {
        List<Runbook> copy = List.copyOf(written);
        return new RunbookReasoner((msp, client) -> copy, Runbook.defaults());
    }

    /** Only the built-in runbooks, as when no MSP has written any. */
    public RunbookReasoner() {
        this(Runbook.defaults());
    }

    /** Only {@code runbooks}, as when no MSP has written any. */
    public RunbookReasoner(List<Runbook> runbooks) {
        this((msp, client) -> List.of(), runbooks);
    }

    private RunbookReasoner(BiFunction<MspId, ClientId, List<Runbook>> stored, List<Runbook> builtIn) {
        this.stored = stored;
        this.builtIn = List.copyOf(builtIn);
    }

    @Override
    public ReasonerStep next(ReasoningContext context) {
        List<Runbook> matching = runbooksFor(context.request()).stream()
                .filter(r -> r.matches(context.request().text())).toList();
        if (matching.isEmpty()) {
            return new ReasonerStep.Finish("No runbook matches this request; it needs a technician's judgement.",
                    List.of());
        }
        RunbookPlaceholders values = RunbookPlaceholders.of(context.request());
        Set<ToolName> readable = context.catalog().stream().filter(t -> t.effect() == dev.steward.domain.integration
                .ToolEffect.READ_ONLY).map(Tool::name).collect(Collectors.toSet());
        Set<ReasonerStep.CallTool> done = new LinkedHashSet<>();
        for (TranscriptItem item : context.transcript()) {
            done.add(new ReasonerStep.CallTool(item.tool(), item.arguments()));
        }
        for (Runbook runbook : matching) {
            for (Runbook.Step step : runbook.diagnosis()) {
                RunbookPlaceholders.Filled filled = values.forTrigger(runbook.trigger(context.request().text())
                        .orElse("")).fill(step.arguments());
                ToolName tool = resolve(step.tool(), context);
                ReasonerStep.CallTool call = new ReasonerStep.CallTool(tool, filled.arguments());
                if (filled.complete() && readable.contains(tool) && !done.contains(call)) {
                    return call;
                }
            }
        }
        List<PlannedAction> plan = new ArrayList<>();
        List<String> notPlanned = new ArrayList<>();
        for (Runbook runbook : matching) {
            for (PlannedAction action : runbook.plan()) {
                RunbookPlaceholders.Filled filled = values.forTrigger(runbook.trigger(context.request().text())
                        .orElse("")).fill(action.arguments());
                ToolName tool = resolve(action.tool(), context);
                if (filled.complete()) {
                    plan.add(new PlannedAction(tool, filled.arguments(), action.reason()));
                } else {
                    notPlanned.add(tool + " (the request does not say its " + filled.missing().orElseThrow()
                            .replace('_', ' ') + ")");
                }
            }
        }
        return new ReasonerStep.Finish(diagnosis(matching, context.transcript(), values, notPlanned), plan);
    }

    /**
     * {@code psa:<tool>} is that tool of the client's PSA, whichever kind the catalog declares it to be; any other name
     * is itself. Without a PSA among the tools it stays {@code psa:<tool>}, which no integration offers.
     */
    private static ToolName resolve(ToolName tool, ReasoningContext context) {
        if (!tool.integration().equals(Runbook.PSA)) {
            return tool;
        }
        return context.psa().map(kind -> ToolName.of(kind + ":" + tool.action())).orElse(tool);
    }

    private List<Runbook> runbooksFor(AgentRequest request) {
        Set<String> names = new HashSet<>();
        return Stream.concat(stored.apply(request.msp(), request.client()).stream(), builtIn.stream())
                .filter(r -> names.add(r.name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    private static String diagnosis(List<Runbook> matching, List<TranscriptItem> transcript,
                                    RunbookPlaceholders values, List<String> notPlanned) {
        StringBuilder out = new StringBuilder("Matches runbook(s): ")
                .append(matching.stream().map(Runbook::name).collect(Collectors.joining(", "))).append('.');
        values.value("error_code").ifPresent(code -> out.append(" The requester quoted error code ").append(code)
                .append('.'));
        if (transcript.isEmpty()) {
            out.append(" None of their checks could run (their tools are not connected for this client, or the "
                    + "request does not say whom they are about).");
        }
        for (TranscriptItem item : transcript) {
            out.append("\n").append(item.tool()).append(": ").append(item.outcome().label().replace('_', ' '))
                    .append(item.result().isBlank() ? "" : " - " + item.result().strip());
        }
        for (String action : notPlanned) {
            out.append("\nNot planned: ").append(action).append("; a technician should look at it.");
        }
        return out.toString();
    }

}
