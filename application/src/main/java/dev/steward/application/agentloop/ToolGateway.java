package dev.steward.application.agentloop;

import dev.steward.application.agent.message.ToolPhase;
import dev.steward.application.port.activity.ActivityLog;
import dev.steward.application.port.activity.MetricsRecorder;
import dev.steward.application.port.agent.ToolExecutor;
import dev.steward.application.port.client.ClientMappings;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.port.reasoning.TranscriptItem;
import dev.steward.application.port.store.IdGenerator;
import dev.steward.application.port.verification.IdentityPushes;
import dev.steward.application.port.verification.IdentityVerifications;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.application.spi.ToolCall;
import dev.steward.application.spi.ToolResult;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.approval.ApprovalState;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.PsaMapping;
import dev.steward.domain.integration.ClientMapping;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationCapability;
import dev.steward.domain.integration.PolicyDecision;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.problem.InvalidValue;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The only way an agent's tool call reaches a client's systems. For every call it looks the tool up among the MSP's
 * and the client's integrations, checks the arguments against the tool's input (a call that does not fit is not run,
 * and the reasoner is told which argument is wrong), asks the domain rule ({@link PolicyDecision#decide}) with the
 * session's mode and the tool's current policy, executes only on {@code Run} — a sensitive tool only for a requester
 * verified in the session ({@link IdentityGate}) — with the client's mapping in the integration's directory (if it has
 * one), and appends exactly one activity entry — refused and failed calls
 * included — with redacted arguments, the outcome, a summary and the duration. Policy is read on every call, so a
 * change applies without a redeploy. A call of a kind scoped to the client's mapped entry
 * ({@link dev.steward.domain.integration.IntegrationKind#scopedTo}) is refused for a client without one before any
 * policy is asked or the provider reached; the provider checks its mapping again.
 */
public final class ToolGateway {

    private static final System.Logger LOG = System.getLogger(ToolGateway.class.getName());

    private final IntegrationRepository integrations;
    private final ClientMappings mappings;
    private final ClientRepository clients;
    private final IntegrationKinds kinds;
    private final ToolExecutor executor;
    private final ActivityLog activity;
    private final ActivityLines lines;
    private final IdentityGate identity;
    private final RevealedValues revealed;
    private final Clock clock;
    private final MetricsRecorder metrics;

    @Inject
    public ToolGateway(IntegrationRepository integrations, ClientMappings mappings, ClientRepository clients,
                       IntegrationKinds kinds, ToolExecutor executor,
                       IdentityVerifications verifications, IdentityPushes pushes, RevealedValues revealed,
                       ActivityLog activity, IdGenerator ids, Clock clock, MetricsRecorder metrics) {
        this.integrations = integrations;
        this.mappings = mappings;
        this.clients = clients;
        this.kinds = kinds;
        this.executor = executor;
        this.activity = activity;
        this.lines = new ActivityLines(ids);
        this.identity = new IdentityGate(verifications, pushes, activity, ids, clock);
        this.revealed = revealed;
        this.clock = clock;
        this.metrics = metrics;
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

    /** A diagnosis call (see {@link #call(SessionScope, ToolPhase, ToolName, Map)}). */
    public TranscriptItem call(SessionScope scope, ToolName name, Map<String, String> arguments) {
        return call(scope, ToolPhase.DIAGNOSIS, name, arguments);
    }

    /**
     * Decides, maybe executes, and records one call; returns what the reasoner gets to see. During
     * {@link ToolPhase#DIAGNOSIS} the decision is taken as in plan mode whatever the session's mode (the product's
     * "diagnose with read-only tools"); during {@link ToolPhase#EXECUTION} with the session's mode.
     */
    public TranscriptItem call(SessionScope scope, ToolPhase phase, ToolName name, Map<String, String> arguments) {
        Instant start = clock.instant();
        Optional<Integration> owner = integrationsOf(scope).stream().filter(i -> i.tool(name).isPresent()).findFirst();
        Result result = owner.map(found -> decideAndRun(scope, phase, found, name, arguments))
                .orElseGet(() -> new Result(ActivityOutcome.REFUSED_BY_POLICY,
                        name + " is not a tool of any integration of this client"));
        Instant end = clock.instant();
        // a name no integration offers (a model may invent one) is counted as "unknown": labels stay bounded
        metrics.toolCall(owner.isPresent() ? name.value() : "unknown", result.outcome().label());
        Instant at = result.startedAt().orElse(start);
        activity.append(lines.toolCall(scope, name, arguments, result.outcome(), result.summary(), at,
                Duration.between(at, end)));
        return new TranscriptItem(name, arguments, result.outcome(), result.summary());
    }

    /** Records a call refused before any decision (malformed, or not allowed at that step) and answers it. */
    public TranscriptItem refuse(SessionScope scope, ToolName name, Map<String, String> arguments, String why) {
        Instant at = clock.instant();
        activity.append(lines.toolCall(scope, name, arguments, ActivityOutcome.REFUSED_BY_POLICY, why, at,
                Duration.ZERO));
        return new TranscriptItem(name, arguments, ActivityOutcome.REFUSED_BY_POLICY, why);
    }

    /**
     * What a call came to; {@code startedAt} when it started after a wait that is not part of it (the requester
     * answering a push), so that its activity line follows the verification's.
     */
    private record Result(ActivityOutcome outcome, String summary, Optional<Instant> startedAt) {
        Result(ActivityOutcome outcome, String summary) {
            this(outcome, summary, Optional.empty());
        }

        Result startingAt(Instant at) {
            return new Result(outcome, summary, Optional.of(at));
        }
    }

    /** The phrase a call's summary carries when it produced values its approver will hand over. */
    static final String HELD_FOR_APPROVER = "held for the approving technician to see once";

    /**
     * Runs a call a technician approved, with the arguments kept with the approval: its input, policy (a tool disabled
     * or a mode changed since is refused) and identity rule are checked again, and the values it produces for its
     * approver (a temporary password) are held for that technician alone ({@link RevealedValues}). Recorded like every
     * call, naming the approver.
     *
     * @throws IllegalArgumentException if the request is not approved
     */
    public TranscriptItem runApproved(SessionScope scope, ApprovalRequest approval, Map<String, String> arguments) {
        if (!(approval.state() instanceof ApprovalState.Approved approved)) {
            throw new IllegalArgumentException("only an approved request runs");
        }
        ToolName name = approval.tool();
        Instant start = clock.instant();
        Result result = integrationsOf(scope).stream().filter(i -> i.tool(name).isPresent()).findFirst()
                .map(owner -> runApproved(scope, owner, name, arguments, approval, approved.by()))
                .orElseGet(() -> new Result(ActivityOutcome.REFUSED_BY_POLICY,
                        name + " is no longer a tool of any integration of this client"));
        String summary = "approved by " + approved.by() + "; " + result.summary();
        Instant at = result.startedAt().orElse(start);
        activity.append(lines.toolCall(scope, name, arguments, result.outcome(), summary, at,
                Duration.between(at, clock.instant())));
        return new TranscriptItem(name, arguments, result.outcome(), summary);
    }

    private Result runApproved(SessionScope scope, Integration owner, ToolName name, Map<String, String> arguments,
                               ApprovalRequest approval, String approver) {
        Tool tool = owner.tool(name).orElseThrow();
        List<InvalidValue> problems = tool.input().check(arguments);
        if (!problems.isEmpty()) {
            return new Result(ActivityOutcome.FAILED, name + " was not run: " + problems.stream()
                    .map(InvalidValue::getMessage).collect(Collectors.joining("; ")));
        }
        return switch (PolicyDecision.decide(scope.mode(), tool, owner.policyOf(name))) {
            case PolicyDecision.Refuse refuse -> new Result(refuse.reason() == PolicyDecision.Reason.BY_MODE
                    ? ActivityOutcome.REFUSED_BY_MODE : ActivityOutcome.REFUSED_BY_POLICY, refuse.message());
            case PolicyDecision.Run run -> verifiedThenExecute(scope, ToolPhase.EXECUTION, owner, name, arguments,
                    Optional.of(new Approver(approval.id(), approver)));
            case PolicyDecision.AskApproval ask -> verifiedThenExecute(scope, ToolPhase.EXECUTION, owner, name,
                    arguments, Optional.of(new Approver(approval.id(), approver)));
        };
    }

    /** Who approved a call, under which request. */
    private record Approver(java.util.UUID approval, String technician) {}

    private Result decideAndRun(SessionScope scope, ToolPhase phase, Integration owner, ToolName name,
                                Map<String, String> arguments) {
        Tool tool = owner.tool(name).orElseThrow();
        List<InvalidValue> problems = tool.input().check(arguments);
        if (!problems.isEmpty()) {
            // the messages name the argument and the rule, never the value
            return new Result(ActivityOutcome.FAILED, name + " was not run: " + problems.stream()
                    .map(InvalidValue::getMessage).collect(Collectors.joining("; ")));
        }
        Optional<String> unmapped = unmappedEntry(scope, owner);
        if (unmapped.isPresent()) {
            // refused before policy: no approval is asked for a call that could not run
            return new Result(ActivityOutcome.REFUSED_BY_POLICY, "No " + unmapped.get() + " mapped: this client is "
                    + "not mapped to one in " + kindLabel(owner.kind()) + ", so " + name + " was not run. Go on "
                    + "without it; a technician maps the client on its Integrations tab (PUT /api/v1/clients/{slug}"
                    + "/mappings/" + owner.kind() + ").");
        }
        boolean diagnosingInExecute = phase == ToolPhase.DIAGNOSIS && scope.mode() == EffectiveMode.EXECUTE;
        EffectiveMode rules = phase == ToolPhase.DIAGNOSIS ? EffectiveMode.PLAN : scope.mode();
        return switch (PolicyDecision.decide(rules, tool, owner.policyOf(name))) {
            case PolicyDecision.Run run -> verifiedThenExecute(scope, phase, owner, name, arguments, Optional.empty());
            case PolicyDecision.Refuse refuse when refuse.reason() == PolicyDecision.Reason.BY_MODE
                    && diagnosingInExecute -> new Result(ActivityOutcome.REFUSED_BY_MODE, name
                    + " is not run during diagnosis (read-only automatic tools only); it can be part of the plan");
            case PolicyDecision.Refuse refuse -> new Result(refuse.reason() == PolicyDecision.Reason.BY_MODE
                    ? ActivityOutcome.REFUSED_BY_MODE : ActivityOutcome.REFUSED_BY_POLICY, refuse.message());
            case PolicyDecision.AskApproval ask -> new Result(ActivityOutcome.AWAITING_APPROVAL,
                    ask.tool() + " needs a technician's approval; it is planned, not run");
        };
    }

    /** A sensitive tool runs only for a requester verified in the session; a push is sent only when carrying out. */
    private Result verifiedThenExecute(SessionScope scope, ToolPhase phase, Integration owner, ToolName name,
                                       Map<String, String> arguments, Optional<Approver> approver) {
        if (owner.isSensitive(name)) {
            Optional<String> refused = identity.check(scope, name, phase == ToolPhase.EXECUTION);
            Instant checked = clock.instant();
            if (refused.isPresent()) {
                return new Result(ActivityOutcome.REFUSED_BY_POLICY, name + " was not run: " + refused.get())
                        .startingAt(checked);
            }
            return execute(scope, owner, name, arguments, approver).startingAt(checked);
        }
        return execute(scope, owner, name, arguments, approver);
    }

    /** Whether a call was refused because the requester's identity could not be verified (the reply says so). */
    public static boolean refusedForIdentity(TranscriptItem item) {
        return refusedForIdentity(item.outcome(), item.result());
    }

    /** Whether a call with this outcome and result was refused because the requester was not verified. */
    public static boolean refusedForIdentity(ActivityOutcome outcome, String result) {
        return outcome == ActivityOutcome.REFUSED_BY_POLICY && result.contains(IdentityGate.NOT_VERIFIED);
    }

    /**
     * The executor's result, or its failure recorded as FAILED (the session goes on). Values the call produced for
     * its approver go to {@link RevealedValues} (only their names reach the summary); without an approver nobody may
     * see them, so they are dropped.
     */
    private Result execute(SessionScope scope, Integration owner, ToolName name, Map<String, String> arguments,
                           Optional<Approver> approver) {
        try {
            ToolResult result = executor.execute(new ToolCall(scope.msp(), scope.client(),
                    mappingOf(scope, owner.kind()), scope.session(), scope.requester(), name, arguments));
            if (result.reveal().isEmpty()) {
                return new Result(ActivityOutcome.OK, result.summary());
            }
            String names = String.join(", ", new java.util.TreeSet<>(result.reveal().keySet()));
            if (approver.isPresent()) {
                revealed.hold(scope.msp(), approver.get().approval(), approver.get().technician(), result.reveal());
                return new Result(ActivityOutcome.OK, result.summary() + " (" + names + " " + HELD_FOR_APPROVER
                        + ", " + approver.get().technician() + ")");
            }
            return new Result(ActivityOutcome.OK, result.summary() + " (" + names + " not kept: no technician "
                    + "approved this call, so nobody may see it)");
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "tool {0} failed for session {1}: {2}", name, scope.session(),
                    e.getClass().getSimpleName());
            return new Result(ActivityOutcome.FAILED, name + " failed: " + e.getMessage());
        }
    }

    /** What the owner's calls are scoped to, when they are and the client has no mapping for its kind. */
    private Optional<String> unmappedEntry(SessionScope scope, Integration owner) {
        return kinds.kind(owner.kind()).flatMap(kind -> kind.scopedTo())
                .filter(entry -> mappingOf(scope, owner.kind()).isEmpty());
    }

    private String kindLabel(String kind) {
        return kinds.kind(kind).map(k -> k.label()).orElse(kind);
    }

    /** The client's entry in the integration's directory; for its PSA, the company its tickets come from. */
    private Optional<ClientMapping> mappingOf(SessionScope scope, String kind) {
        return mappings.find(scope.msp(), scope.client(), kind).or(() -> clients.find(scope.client())
                .flatMap(Client::psaMapping).filter(psa -> psa.integrationKind().equals(kind))
                .map(psa -> new ClientMapping(scope.msp(), scope.client(), kind, psa.companyId(), "")));
    }

    /**
     * The MSP's integrations and the client's own; of the MSP's PSAs only the one the client's tickets come from (an
     * MSP with several PSAs serves each client from one).
     */
    private List<Integration> integrationsOf(SessionScope scope) {
        Optional<String> clientsPsa = clients.find(scope.client()).flatMap(Client::psaMapping)
                .map(PsaMapping::integrationKind);
        List<Integration> all = new ArrayList<>();
        for (Integration integration : integrations.list(scope.msp(), Optional.empty())) {
            boolean anotherPsa = !clientsPsa.map(integration.kind()::equals).orElse(false)
                    && kinds.kind(integration.kind()).map(k -> k.has(IntegrationCapability.PSA)).orElse(false);
            if (!anotherPsa) {
                all.add(integration);
            }
        }
        all.addAll(integrations.list(scope.msp(), Optional.of(scope.client())));
        return all;
    }
}
