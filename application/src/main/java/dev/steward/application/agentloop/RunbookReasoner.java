package dev.steward.application.agentloop;

import dev.steward.application.port.AgentRequest;
import dev.steward.application.port.PlannedAction;
import dev.steward.application.port.Reasoner;
import dev.steward.application.port.ReasonerStep;
import dev.steward.application.port.ReasoningContext;
import dev.steward.application.port.Runbook;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The default reasoner: no model, only runbooks. The runbooks for a request are the client's own, then its MSP's,
 * then the built-in ones; a runbook whose name (ignoring case) an earlier one already has is left out, so an MSP or
 * a client can replace a built-in runbook by writing one of the same name. Every runbook whose trigger matches the
 * request applies; their checks run in order (only those whose tool is in the catalog and read-only, each once), then
 * it finishes with a diagnosis summarising the checks and the runbooks' planned actions. The same context and the
 * same stored runbooks always give the same step.
 */
public final class RunbookReasoner implements Reasoner {

    private final BiFunction<MspId, ClientId, List<Runbook>> stored;
    private final List<Runbook> builtIn;

    @Inject
    public RunbookReasoner(RunbookStore store) {
        this((msp, client) -> store.forRequest(msp, client).stream().map(StoredRunbook::runbook).toList(),
                Runbook.defaults());
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
        Set<ToolName> readable = context.catalog().stream().filter(t -> t.effect() == dev.steward.domain.integration
                .ToolEffect.READ_ONLY).map(Tool::name).collect(Collectors.toSet());
        Set<ReasonerStep.CallTool> done = new LinkedHashSet<>();
        for (TranscriptItem item : context.transcript()) {
            done.add(new ReasonerStep.CallTool(item.tool(), item.arguments()));
        }
        for (Runbook runbook : matching) {
            for (Runbook.Step step : runbook.diagnosis()) {
                ReasonerStep.CallTool call = new ReasonerStep.CallTool(step.tool(), fill(step.arguments(), context));
                if (readable.contains(step.tool()) && !done.contains(call)) {
                    return call;
                }
            }
        }
        List<PlannedAction> plan = new ArrayList<>();
        for (Runbook runbook : matching) {
            runbook.plan().forEach(a -> plan.add(new PlannedAction(a.tool(), fill(a.arguments(), context), a.reason())));
        }
        return new ReasonerStep.Finish(diagnosis(matching, context.transcript()), plan);
    }

    private List<Runbook> runbooksFor(AgentRequest request) {
        Set<String> names = new HashSet<>();
        return Stream.concat(stored.apply(request.msp(), request.client()).stream(), builtIn.stream())
                .filter(r -> names.add(r.name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    private static String diagnosis(List<Runbook> matching, List<TranscriptItem> transcript) {
        StringBuilder out = new StringBuilder("Matches runbook(s): ")
                .append(matching.stream().map(Runbook::name).collect(Collectors.joining(", "))).append('.');
        if (transcript.isEmpty()) {
            out.append(" None of their checks could run (their tools are not connected for this client).");
        }
        for (TranscriptItem item : transcript) {
            out.append("\n").append(item.tool()).append(": ").append(item.outcome().label().replace('_', ' '))
                    .append(item.result().isBlank() ? "" : " - " + item.result().strip());
        }
        return out.toString();
    }

    private static Map<String, String> fill(Map<String, String> templates, ReasoningContext context) {
        String requester = context.request().requester().isBlank() ? "the requester" : context.request().requester();
        Map<String, String> out = new LinkedHashMap<>();
        templates.forEach((k, v) -> out.put(k, v.replace("{requester}", requester)));
        return out;
    }
}
