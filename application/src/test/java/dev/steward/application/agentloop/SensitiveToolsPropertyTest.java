package dev.steward.application.agentloop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.agent.message.Assignment;
import dev.steward.application.port.psa.PsaNote;
import dev.steward.application.port.reasoning.PlannedAction;
import dev.steward.application.port.reasoning.Reasoner;
import dev.steward.application.port.reasoning.ReasonerStep;
import dev.steward.application.port.reasoning.ReasoningContext;
import dev.steward.application.port.reasoning.TranscriptItem;
import dev.steward.application.spi.ToolCall;
import dev.steward.application.spi.ToolResult;
import dev.steward.application.ticket.IntakeTicketCommand;
import dev.steward.application.verification.ConfirmIdentityCommand;
import dev.steward.application.verification.ConfirmIdentityService;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolEffect;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.mode.OperatingMode;
import dev.steward.domain.session.AgentSession;
import dev.steward.domain.verification.IdentityVerification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Execute mode over many generated catalogs (sensitive or not, auto or approval-needed, producing temporary
 * passwords), reasoner outputs (any tool, any order, secrets in arguments), Duo answers (none connected, allow, deny,
 * timeout, not enrolled), technicians' confirmations (of the session's requester, of another, of another session)
 * and approvals decided either way: a sensitive tool never runs without a verification of that session's requester,
 * and a temporary password never appears in the activity log, a note, a reply or a log line (all four captured).
 */
class SensitiveToolsPropertyTest {

    private static final int CASES_PER_SEED = 40;
    private static final List<IdentityVerification.Result> DUO = List.of(IdentityVerification.Result.VERIFIED,
            IdentityVerification.Result.DENIED, IdentityVerification.Result.TIMED_OUT,
            IdentityVerification.Result.NOT_ENROLLED);

    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            logLines.add(format.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level rootLevel;

    @BeforeEach
    void captureEveryLogLine() {
        Logger root = Logger.getLogger("");
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
        Logger.getLogger("").setLevel(rootLevel);
    }

    /** Whatever the case's script says. */
    private static final class ScriptedReasoner implements Reasoner {
        private List<ReasonerStep> script = List.of();

        @Override
        public ReasonerStep next(ReasoningContext context) {
            int at = context.transcript().size();
            return at < script.size() ? script.get(at) : new ReasonerStep.Finish("done", List.of());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5, 11, 2026, 31337, 424242})
    void aSensitiveToolNeverRunsForAnUnverifiedRequesterAndTemporaryPasswordsGoNowhere(long seed) {
        Random random = new Random(seed);
        ScriptedReasoner reasoner = new ScriptedReasoner();
        AgentWorld world = new AgentWorld(reasoner);
        ConfirmIdentityService confirm = new ConfirmIdentityService(world.validator, world.approvals, world.sessions,
                world.verifications, world.activity, world.ids, world.clock, world.unitOfWork);
        boolean duoConnected = random.nextBoolean();
        if (duoConnected) {
            world.connectDuo();
        }
        List<String> passwords = new ArrayList<>();
        for (int i = 0; i < CASES_PER_SEED; i++) {
            String why = "seed " + seed + ", case " + i;
            int executedBefore = world.executor.executed().size();
            String company = "c" + i;
            Client client = world.client(company, OperatingMode.EXECUTE);
            String password = "Tmp-" + seed + "-" + i + "-" + Long.toHexString(random.nextLong());
            passwords.add(password);
            Map<ToolName, ToolPolicy> policies = new HashMap<>();
            List<Tool> tools = new ArrayList<>();
            for (int j = 0, n = 1 + random.nextInt(5); j < n; j++) {
                Tool tool = new Tool(ToolName.of("kit" + i + ":op-" + j),
                        random.nextBoolean() ? ToolEffect.WRITE : ToolEffect.READ_ONLY, "generated")
                        .taking(ToolParameter.required("user", ToolParameter.Type.STRING, "UPN"),
                                ToolParameter.optional("newPassword", ToolParameter.Type.STRING, ""));
                tools.add(random.nextInt(3) > 0 ? tool.asSensitive() : tool);
                policies.put(tool.name(), random.nextBoolean() ? ToolPolicy.AUTO : ToolPolicy.APPROVAL_NEEDED);
            }
            Integration integration = world.connectFor(client, "kit" + i, tools, policies);
            if (random.nextInt(4) == 0) {
                Tool unmarked = tools.stream().filter(t -> !t.sensitive()).findFirst().orElse(tools.getFirst());
                world.integrations.update(integration.withSensitivityMark(unmarked.name(), true));
            }
            // every tool hands back a temporary password for the approver, whatever it does
            tools.forEach(t -> world.executor.registerCall(t.name(), call -> ToolResult.revealing(
                    t.name() + " done for " + call.argument("user").orElse("?"), Map.of("temporaryPassword",
                            password))));
            IdentityVerification.Result duoAnswer = DUO.get(random.nextInt(DUO.size()));
            world.pushAnswer = requester -> duoAnswer;

            String requester = "user" + i + "@client.example";
            List<ReasonerStep> script = new ArrayList<>();
            for (int s = 0, n = random.nextInt(4); s < n; s++) {
                Tool tool = tools.get(random.nextInt(tools.size()));
                script.add(new ReasonerStep.CallTool(tool.name(), Map.of("user", requester)));
            }
            List<PlannedAction> plan = new ArrayList<>();
            for (Tool tool : tools) {
                if (random.nextBoolean()) {
                    plan.add(new PlannedAction(tool.name(), random.nextBoolean() ? Map.of("user", requester)
                            : Map.of("user", requester, "newPassword", "Chosen-" + password.hashCode()), "step"));
                }
            }
            script.add(new ReasonerStep.Finish("generated diagnosis " + i, plan));
            reasoner.script = script;
            String ticket = world.psa.open(company, "generated request " + i, "", requester, world.clock.instant());

            world.intake.intake(new IntakeTicketCommand(world.msp.id(), "connectwise", ticket));
            world.work();

            for (ApprovalRequest pending : world.approvals.pending(world.msp.id(), Optional.of(client.id()))) {
                AgentSession session = world.sessions.find(pending.session()).orElseThrow();
                switch (random.nextInt(4)) {
                    case 0 -> confirm.confirm(new ConfirmIdentityCommand(world.msp.id(), pending.id().toString(),
                            "tech@northwind.example", UserRole.MSP_TECHNICIAN));
                    case 1 -> world.verifications.record(IdentityVerification.confirmedBy("tech@northwind.example",
                            world.ids.next(), world.msp.id(), client.id(), session.id(), "someone.else@client.example",
                            world.clock.instant()));
                    case 2 -> world.verifications.record(IdentityVerification.confirmedBy("tech@northwind.example",
                            world.ids.next(), world.msp.id(), client.id(), world.ids.next(), requester,
                            world.clock.instant()));
                    default -> {
                        // nobody confirms
                    }
                }
                if (random.nextBoolean()) {
                    ApprovalRequest approved = world.approvals.decide(pending.approve("tech@northwind.example",
                            UserRole.MSP_TECHNICIAN, "ok", world.clock.instant()));
                    PlannedAction action = plan.stream().filter(a -> a.tool().equals(pending.tool())).findFirst()
                            .orElseThrow();
                    SessionScope scope = new SessionScope(world.msp.id(), client.id(), session.id(), ticket,
                            session.mode(), session.requester());
                    TranscriptItem ran = world.gateway.runApproved(scope, approved, action.arguments());
                    ReplyText.after(List.of(new Assignment.StepResult(action.tool(), action.reason(), ran.outcome(),
                            ran.result(), Optional.of(approved.id())))).ifPresent(reply -> world.psa.addReply(ticket,
                            reply));
                } else {
                    world.approvals.decide(pending.deny("tech@northwind.example", UserRole.MSP_TECHNICIAN, "no",
                            world.clock.instant()));
                }
            }

            List<ToolCall> executed = world.executor.executed();
            for (ToolCall call : executed.subList(executedBefore, executed.size())) {
                Integration owner = world.integrations.list(world.msp.id(), Optional.of(call.client())).stream()
                        .filter(x -> x.tool(call.tool()).isPresent()).findFirst().orElseThrow();
                if (owner.isSensitive(call.tool())) {
                    assertThat(world.verifications.ofSession(world.msp.id(), call.session()))
                            .as(why + ": " + call.tool() + " ran only for a requester verified in its session")
                            .anyMatch(v -> v.verifies(call.session(), call.requester()));
                    assertThat(call.requester()).as(why).isEqualTo(requester);
                }
            }
            List<ActivityEntry> log = world.activityOf(ticket);
            assertThat(log).as(why + ": no temporary password in the activity log").noneMatch(e ->
                    e.summary().contains(password) || e.arguments().values().containsValue(password)
                            || e.actor().filter(a -> a.contains(password)).isPresent());
            assertThat(world.psa.notes(ticket)).as(why + ": no temporary password in a note or a reply")
                    .extracting(PsaNote::text).noneMatch(text -> text.contains(password));
        }
        assertThat(logLines).as("no temporary password in any log line").isNotEmpty()
                .noneMatch(line -> passwords.stream().anyMatch(line::contains));
        assertThat(world.executor.executed()).as("the generated cases did run tools").isNotEmpty();
        assertThat(world.pushedTo).as("pushes were sent only when a verification integration is connected")
                .hasSizeLessThanOrEqualTo(duoConnected ? Integer.MAX_VALUE : 0);
    }
}
