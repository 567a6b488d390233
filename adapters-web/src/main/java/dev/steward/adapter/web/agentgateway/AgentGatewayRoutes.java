package dev.steward.adapter.web.agentgateway;

import dev.steward.adapter.web.http.JsonBodies;
import dev.steward.adapter.web.http.Requests;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.adapter.web.problem.Problem;
import dev.steward.adapter.web.problem.ProblemMapper;
import dev.steward.adapter.web.problem.RequestProblem;
import dev.steward.application.agent.AgentApi;
import dev.steward.application.agent.AgentIdentity;
import dev.steward.application.agent.AgentWorkUseCase;
import dev.steward.application.agent.message.SessionOutcome;
import dev.steward.application.agent.message.TicketPost;
import dev.steward.application.agent.message.ToolPhase;
import dev.steward.application.agent.message.ToolRequest;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.workflow.AppliedWorkflow;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /agent/v1/...}: the API agents call with their per-agent bearer token (a forged, revoked or replaced token
 * gets 401 and nothing happens). {@code POST /agent/v1/sessions}, an agent's first call, trades the one-time bootstrap
 * token it was started with for its session token (201 {@code {"token": "stw_…"}}; 401 once spent). Everything an
 * agent does then goes through here: its configuration (never a secret) and check-ins, its work (a long-poll take
 * with a lease, renewals, completion), every tool call (the control plane's gateway decides and runs it with
 * credentials the agent never sees), every note or reply on a ticket, and its model calls. A session or work item of
 * another client is not found. Described in the OpenAPI document ({@code /api/v1/openapi.json}).
 */
public final class AgentGatewayRoutes implements RouteGroup {

    private static final String AGENT = "steward.agent";
    private static final String SESSIONS = "/agent/v1/sessions";
    /** On the answer of a take that carried a check-in: the configuration version the control plane holds now. */
    static final String CONFIG_VERSION_HEADER = "Steward-Config-Version";

    private final AgentApi api;
    private final JsonBodies bodies;
    private final ProblemMapper problems;

    @Inject
    public AgentGatewayRoutes(AgentApi api, JsonBodies bodies, ProblemMapper problems) {
        this.api = api;
        this.bodies = bodies;
        this.problems = problems;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.before("/agent/v1/*", this::authenticate);
        config.routes.post(SESSIONS, ctx -> {
            Optional<String> session = api.gateway().startSession(bearer(ctx));
            if (session.isEmpty()) {
                refuse(ctx, "send the agent's bootstrap token as 'Authorization: Bearer <token>'; a bootstrap token"
                        + " is exchanged only once");
                return;
            }
            ctx.status(HttpStatus.CREATED).json(Map.of("token", session.get()));
        });
        config.routes.get("/agent/v1/configuration", ctx ->
                ctx.json(AgentConfigurationJson.from(api.gateway().configuration(agent(ctx)))));
        config.routes.post("/agent/v1/check-ins", ctx -> {
            CheckInJson body = agentBody(ctx, CheckInJson.class);
            ctx.json(new CheckedInJson(api.gateway().checkIn(agent(ctx), body.configVersion(),
                    body.resourceUsage())));
        });
        config.routes.post("/agent/v1/work/take", this::take);
        config.routes.post("/agent/v1/work/{work}/renew", this::renew);
        config.routes.post("/agent/v1/work/{work}/complete", this::complete);
        config.routes.post("/agent/v1/sessions/{session}/tool-calls", this::callTool);
        config.routes.post("/agent/v1/sessions/{session}/posts", this::post);
        config.routes.post("/agent/v1/sessions/{session}/model", this::model);
    }

    private void take(Context ctx) {
        TakeJson body = bodies.read(ctx, TakeJson.class);
        if (body.instance() == null) {
            throw RequestProblem.invalidField("instance", "instance.required", "is required (a UUID per agent run)");
        }
        if (body.waitMillis() < 0 || body.waitMillis() > AgentWorkUseCase.MAX_WAIT.toMillis()) {
            throw RequestProblem.invalidField("waitMillis", "waitMillis.out-of-range", "must be 0-"
                    + AgentWorkUseCase.MAX_WAIT.toMillis());
        }
        if (body.checkIn() != null) {
            // the heartbeat rides on the long poll: recorded before the wait, its answer in a header
            long latest;
            try {
                latest = api.gateway().checkIn(agent(ctx), body.checkIn().configVersion(),
                        body.checkIn().resourceUsage());
            } catch (InvalidCommand e) {
                throw new InvalidCommand(e.violations().stream().map(v -> new FieldViolation("checkIn." + v.field(),
                        v.code(), v.message())).toList());
            }
            ctx.header(CONFIG_VERSION_HEADER, Long.toString(latest));
        }
        api.work().take(agent(ctx), body.instance(), Duration.ofMillis(body.waitMillis()))
                .ifPresentOrElse(assignment -> ctx.json(AssignmentJson.from(assignment)),
                        () -> ctx.status(HttpStatus.NO_CONTENT));
    }

    private void renew(Context ctx) {
        UUID work = Requests.uuidPathParam(ctx, "work");
        UUID lease = lease(bodies.read(ctx, LeaseJson.class).lease());
        leaseAnswer(ctx, api.work().renew(agent(ctx), work, lease));
    }

    private void complete(Context ctx) {
        UUID work = Requests.uuidPathParam(ctx, "work");
        CompleteJson body = bodies.read(ctx, CompleteJson.class);
        SessionOutcome outcome = switch (String.valueOf(body.outcome())) {
            case "completed" -> SessionOutcome.COMPLETED;
            case "awaiting_approval" -> SessionOutcome.AWAITING_APPROVAL;
            default -> throw RequestProblem.invalidField("outcome", "outcome.unknown",
                    "must be completed or awaiting_approval");
        };
        leaseAnswer(ctx, api.work().complete(agent(ctx), work, lease(body.lease()), outcome));
    }

    private void leaseAnswer(Context ctx, boolean held) {
        if (held) {
            ctx.status(HttpStatus.NO_CONTENT);
        } else {
            problems.write(ctx, Problem.of(409, "Lease lost", "work.lease-lost", "this lease no longer holds the "
                    + "work item (it expired and went to another run of the agent, or the item is finished)"));
        }
    }

    private static UUID lease(UUID lease) {
        if (lease == null) {
            throw RequestProblem.invalidField("lease", "lease.required", "is required");
        }
        return lease;
    }

    private void callTool(Context ctx) {
        UUID session = Requests.uuidPathParam(ctx, "session");
        ToolCallJson body = bodies.read(ctx, ToolCallJson.class);
        ToolPhase phase = switch (String.valueOf(body.phase())) {
            case "diagnosis" -> ToolPhase.DIAGNOSIS;
            case "execution" -> ToolPhase.EXECUTION;
            default -> throw RequestProblem.invalidField("phase", "phase.unknown", "must be diagnosis or execution");
        };
        if (body.step() == null) {
            throw RequestProblem.invalidField("step", "step.required", "is required");
        }
        ToolRequest request = new ToolRequest(body.step(), phase, ToolName.of(body.tool()), body.textArguments(),
                body.reason(), Optional.ofNullable(body.approval()));
        ctx.json(ToolAnswerJson.from(api.tools().call(agent(ctx), session, request)));
    }

    private void post(Context ctx) {
        UUID session = Requests.uuidPathParam(ctx, "session");
        TicketPostJson body = bodies.read(ctx, TicketPostJson.class);
        TicketPost.Kind kind;
        try {
            kind = TicketPost.Kind.valueOf(String.valueOf(body.kind()).toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw RequestProblem.invalidField("kind", "kind.unknown",
                    "must be note, internal, reply, approval-request or hand-off");
        }
        if (body.step() == null || body.text() == null) {
            throw RequestProblem.invalidField(body.step() == null ? "step" : "text",
                    (body.step() == null ? "step" : "text") + ".required", "is required");
        }
        List<AppliedWorkflow> workflows = new ArrayList<>();
        for (TicketPostJson.AppliedWorkflowJson workflow : body.workflows() == null
                ? List.<TicketPostJson.AppliedWorkflowJson>of() : body.workflows()) {
            try {
                workflows.add(workflow.toApplied());
            } catch (RuntimeException e) {
                throw RequestProblem.invalidField("workflows", "workflows.invalid",
                        "each names a workflow by id, name and version (1 or more)");
            }
        }
        if (kind != TicketPost.Kind.NOTE && !workflows.isEmpty()) {
            throw RequestProblem.invalidField("workflows", "workflows.not-a-note",
                    "only a note names the workflows its diagnosis applied");
        }
        ctx.json(PostedNoteJson.from(api.ticket().post(agent(ctx), session,
                new TicketPost(body.step(), kind, body.text(), body.planDigest(), workflows))));
    }

    /** The chat-completions request goes to the model as it is (the control plane adds the key and the model name). */
    private void model(Context ctx) {
        UUID session = Requests.uuidPathParam(ctx, "session");
        String contentType = ctx.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw RequestProblem.unsupportedMediaType(contentType);
        }
        String answer = api.model().complete(agent(ctx), session, new String(ctx.bodyAsBytes(),
                StandardCharsets.UTF_8));
        ctx.contentType("application/json").result(answer);
    }

    private void authenticate(Context ctx) {
        if (ctx.path().equals(SESSIONS)) {
            return; // the one call made with the bootstrap token, checked by its handler
        }
        String token = bearer(ctx);
        Optional<AgentIdentity> agent = token.isEmpty() ? Optional.empty() : api.gateway().authenticate(token);
        if (agent.isEmpty()) {
            refuse(ctx, "send the agent's token as 'Authorization: Bearer <token>'; it may have been revoked");
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(AGENT, agent.get());
    }

    /**
     * An agent's body, read strictly: anything but the agreed shape (malformed JSON, an unknown field, a wrong type) is
     * a 400 naming what is wrong, never a 500.
     */
    private <T> T agentBody(Context ctx, Class<T> type) {
        try {
            return bodies.read(ctx, type);
        } catch (RequestProblem e) {
            Problem problem = e.problem();
            throw new RequestProblem(new Problem(400, "Bad request", problem.code(), problem.detail(),
                    problem.errors(), problem.headers()));
        }
    }

    private static String bearer(Context ctx) {
        String header = Optional.ofNullable(ctx.header("Authorization")).orElse("");
        return header.startsWith("Bearer ") ? header.substring("Bearer ".length()).strip() : "";
    }

    private void refuse(Context ctx, String detail) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"steward-agent\"");
        problems.write(ctx, Problem.of(401, "Unauthenticated agent", "agent.unauthenticated", detail));
    }

    private static AgentIdentity agent(Context ctx) {
        return ctx.attribute(AGENT);
    }
}
