package dev.steward.application.agentloop;

import dev.steward.application.port.ActivityLog;
import dev.steward.application.port.IdGenerator;
import dev.steward.application.port.IntegrationRepository;
import dev.steward.application.port.ToolExecutor;
import dev.steward.application.port.ToolInvocation;
import dev.steward.application.port.TranscriptItem;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.PolicyDecision;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.mode.EffectiveMode;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The only way an agent's tool call reaches a client's systems. For every call it looks the tool up among the MSP's
 * and the client's integrations, asks the domain rule ({@link PolicyDecision#decide}) with the session's mode and
 * the tool's current policy, executes only on {@code Run}, and appends exactly one activity entry — refused and
 * failed calls included — with redacted arguments, the outcome, a summary and the duration. Policy is read on every
 * call, so a change applies without a redeploy.
 */
public final class ToolGateway {

    private static final System.Logger LOG = System.getLogger(ToolGateway.class.getName());

    private final IntegrationRepository integrations;
    private final ToolExecutor executor;
    private final ActivityLog activity;
    private final ActivityLines lines;
    private final Clock clock;

    @Inject
    public ToolGateway(IntegrationRepository integrations, ToolExecutor executor, ActivityLog activity,
                       IdGenerator ids, Clock clock) {
        this.integrations = integrations;
        this.executor = executor;
        this.activity = activity;
        this.lines = new ActivityLines(ids);
        this.clock = clock;
    }

    /** The tools the agent may ask for: every tool of the MSP's and the client's integrations except disabled ones. */
    public List<Tool> catalog(SessionScope scope) {
        List<Tool> tools = new ArrayList<>();
        for (Integration integration : integrationsOf(scope)) {
            integration.tools().stream().filter(t -> integration.policyOf(t.name()) != ToolPolicy.DISABLED)
                    .forEach(tools::add);
        }
        return List.copyOf(tools);
    }

    /** When in a session a call is made: diagnosis runs read-only tools only, in every mode. */
    public enum Phase { DIAGNOSIS, EXECUTION }

    /** A diagnosis call (see {@link #call(SessionScope, Phase, ToolName, Map)}). */
    public TranscriptItem call(SessionScope scope, ToolName name, Map<String, String> arguments) {
        return call(scope, Phase.DIAGNOSIS, name, arguments);
    }

    /**
     * Decides, maybe executes, and records one call; returns what the reasoner gets to see. During
     * {@link Phase#DIAGNOSIS} the decision is taken as in plan mode whatever the session's mode (the product's
     * "diagnose with read-only tools"); during {@link Phase#EXECUTION} with the session's mode.
     */
    public TranscriptItem call(SessionScope scope, Phase phase, ToolName name, Map<String, String> arguments) {
        Instant start = clock.instant();
        Result result = integrationsOf(scope).stream().filter(i -> i.tool(name).isPresent()).findFirst()
                .map(owner -> decideAndRun(scope, phase, owner, name, arguments))
                .orElseGet(() -> new Result(ActivityOutcome.REFUSED_BY_POLICY,
                        name + " is not a tool of any integration of this client"));
        Instant end = clock.instant();
        activity.append(lines.toolCall(scope, name, arguments, result.outcome(), result.summary(), start,
                Duration.between(start, end)));
        return new TranscriptItem(name, arguments, result.outcome(), result.summary());
    }

    private record Result(ActivityOutcome outcome, String summary) {}

    private Result decideAndRun(SessionScope scope, Phase phase, Integration owner, ToolName name,
                                Map<String, String> arguments) {
        Tool tool = owner.tool(name).orElseThrow();
        boolean diagnosingInExecute = phase == Phase.DIAGNOSIS && scope.mode() == EffectiveMode.EXECUTE;
        EffectiveMode rules = phase == Phase.DIAGNOSIS ? EffectiveMode.PLAN : scope.mode();
        return switch (PolicyDecision.decide(rules, tool, owner.policyOf(name))) {
            case PolicyDecision.Run run -> execute(scope, name, arguments);
            case PolicyDecision.Refuse refuse when refuse.reason() == PolicyDecision.Reason.BY_MODE
                    && diagnosingInExecute -> new Result(ActivityOutcome.REFUSED_BY_MODE, name
                    + " is not run during diagnosis (read-only automatic tools only); it can be part of the plan");
            case PolicyDecision.Refuse refuse -> new Result(refuse.reason() == PolicyDecision.Reason.BY_MODE
                    ? ActivityOutcome.REFUSED_BY_MODE : ActivityOutcome.REFUSED_BY_POLICY, refuse.message());
            case PolicyDecision.AskApproval ask -> new Result(ActivityOutcome.AWAITING_APPROVAL,
                    ask.tool() + " needs a technician's approval; it is planned, not run");
        };
    }

    /** The executor's result, or its failure recorded as FAILED (the session goes on). */
    private Result execute(SessionScope scope, ToolName name, Map<String, String> arguments) {
        try {
            String result = executor.execute(new ToolInvocation(scope.msp(), scope.client(), name, arguments));
            return new Result(ActivityOutcome.OK, result == null ? "" : result);
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "tool {0} failed for session {1}: {2}", name, scope.session(),
                    e.getClass().getSimpleName());
            return new Result(ActivityOutcome.FAILED, name + " failed: " + e.getMessage());
        }
    }

    private List<Integration> integrationsOf(SessionScope scope) {
        List<Integration> all = new ArrayList<>(integrations.list(scope.msp(), Optional.empty()));
        all.addAll(integrations.list(scope.msp(), Optional.of(scope.client())));
        return all;
    }
}
