package dev.steward.application.testkit;

import dev.steward.application.agent.message.AgentConfiguration;
import dev.steward.application.agent.message.Assignment;
import dev.steward.application.agent.message.PostedNote;
import dev.steward.application.agent.message.SessionOutcome;
import dev.steward.application.agent.message.TicketPost;
import dev.steward.application.agent.message.ToolAnswer;
import dev.steward.application.agent.message.ToolRequest;
import dev.steward.application.inprocess.InProcessAgentRuntime;
import dev.steward.application.port.agent.ControlPlane;
import dev.steward.application.port.runtime.AgentSpec;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.prompt.ComposedPrompt;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A control plane with no work, for tests of runtimes whose agents only need to run: it hands every agent a plain
 * configuration of the version it was started with, records check-ins, and answers every request for work with
 * nothing after the wait. Anything a working agent would ask fails loudly.
 */
public final class IdleControlPlane implements ControlPlane {

    private final AgentSpec spec;
    private final List<Long> checkIns = new CopyOnWriteArrayList<>();

    public IdleControlPlane(AgentSpec spec) {
        this.spec = spec;
    }

    /** A connector giving each agent its own idle control plane. */
    public static InProcessAgentRuntime.Connector connector() {
        return IdleControlPlane::new;
    }

    public List<Long> checkIns() {
        return List.copyOf(checkIns);
    }

    @Override
    public AgentConfiguration configuration() {
        return new AgentConfiguration(spec.client(), spec.msp(), spec.slug(), spec.configVersion(), EffectiveMode.PLAN,
                new ComposedPrompt("Be helpful."), List.of(), Optional.empty(), AgentConfiguration.ReasonerChoice.RUNBOOK,
                List.of());
    }

    @Override
    public OptionalLong checkIn(long configVersion) {
        checkIns.add(configVersion);
        return OptionalLong.of(spec.configVersion());
    }

    @Override
    public Optional<Assignment> take(UUID instance, Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    @Override
    public boolean renew(Assignment work) {
        throw new UnsupportedOperationException("an idle control plane hands out no work");
    }

    @Override
    public boolean complete(Assignment work, SessionOutcome outcome) {
        throw new UnsupportedOperationException("an idle control plane hands out no work");
    }

    @Override
    public ToolAnswer callTool(UUID session, ToolRequest request) {
        throw new UnsupportedOperationException("an idle control plane hands out no work");
    }

    @Override
    public PostedNote post(UUID session, TicketPost post) {
        throw new UnsupportedOperationException("an idle control plane hands out no work");
    }

    @Override
    public String model(UUID session, String request) {
        throw new UnsupportedOperationException("an idle control plane hands out no work");
    }
}
