package dev.steward.application.inprocess;

import dev.steward.application.agent.AgentApi;
import dev.steward.application.agent.AgentIdentity;
import dev.steward.application.agent.message.AgentConfiguration;
import dev.steward.application.agent.message.Assignment;
import dev.steward.application.agent.message.PostedNote;
import dev.steward.application.agent.message.SessionOutcome;
import dev.steward.application.agent.message.TicketPost;
import dev.steward.application.agent.message.ToolAnswer;
import dev.steward.application.agent.message.ToolRequest;
import dev.steward.application.port.agent.ControlPlane;
import dev.steward.application.port.runtime.AgentCredentials;
import dev.steward.application.problem.ApplicationException;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.problem.DomainException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;

/**
 * The agent API for an agent on a virtual thread of the control plane: the same use cases the HTTP routes call, with
 * the same per-agent credential (a bootstrap token traded for a session token at first contact, as a container
 * does), authenticated on every call (so deleting a client stops its in-process agent exactly as it
 * stops a container). Errors come back as the HTTP client reports them: a refused token as a
 * {@link ControlPlane#REFUSED} failure, a refused request as a permanent failure with the reason, an outside system's
 * failure (a PSA or model server down) as a control-plane failure, retryable as it was.
 */
public final class InProcessControlPlane implements ControlPlane {

    /** How long a new token may take to become visible to the agent's own thread (see {@link #connector}). */
    private static final Duration FIRST_USE_GRACE = Duration.ofSeconds(10);

    private final AgentApi api;
    private final String credential;
    private final long connected = System.nanoTime();
    private volatile String session;

    /** @param credential a bootstrap token (traded at first use) or a session token */
    public InProcessControlPlane(AgentApi api, String credential) {
        this.api = api;
        this.credential = credential;
    }

    /**
     * Connects each in-process agent the way the Docker runtime does: with a freshly issued bootstrap token. The token
     * is issued inside the reconciler's unit of work; until that commits, the agent's own thread cannot see it. So in
     * the agent's first moments a refusal is asked again for a short while; after that, a refusal (a revoked or
     * replaced token) stops the agent at once.
     */
    public static InProcessAgentRuntime.Connector connector(AgentApi api, AgentCredentials credentials) {
        return spec -> new InProcessControlPlane(api, credentials.issue(spec.client()));
    }

    @Override
    public AgentConfiguration configuration() {
        return as(agent -> api.gateway().configuration(agent));
    }

    @Override
    public OptionalLong checkIn(long configVersion) {
        return OptionalLong.of(as(agent -> api.gateway().checkIn(agent, configVersion)));
    }

    @Override
    public Optional<Assignment> take(UUID instance, Duration wait) {
        return as(agent -> api.work().take(agent, instance, wait));
    }

    @Override
    public boolean renew(Assignment work) {
        return as(agent -> api.work().renew(agent, work.work(), work.lease()));
    }

    @Override
    public boolean complete(Assignment work, SessionOutcome outcome) {
        return as(agent -> api.work().complete(agent, work.work(), work.lease(), outcome));
    }

    @Override
    public ToolAnswer callTool(UUID session, ToolRequest request) {
        return as(agent -> api.tools().call(agent, session, request));
    }

    @Override
    public PostedNote post(UUID session, TicketPost post) {
        return as(agent -> api.ticket().post(agent, session, post));
    }

    @Override
    public String model(UUID session, String request) {
        return as(agent -> api.model().complete(agent, session, request));
    }

    private AgentIdentity agent() {
        String token = session();
        Optional<AgentIdentity> agent = api.gateway().authenticate(token);
        while (agent.isEmpty() && withinGrace()) {
            agent = api.gateway().authenticate(token);
        }
        return agent.orElseThrow(() -> PortFailure.permanent(REFUSED, "agent token refused (revoked or replaced)",
                null));
    }

    /** The session token: given, or traded for the bootstrap token at first use. */
    private String session() {
        if (session != null) {
            return session;
        }
        if (!credential.startsWith(AgentCredentials.BOOTSTRAP_PREFIX)) {
            return session = credential;
        }
        Optional<String> traded = api.gateway().startSession(credential);
        while (traded.isEmpty() && withinGrace()) {
            traded = api.gateway().startSession(credential);
        }
        return session = traded.orElseThrow(() -> PortFailure.permanent(REFUSED,
                "bootstrap token refused (spent, revoked or replaced)", null));
    }

    /** Waits a moment and says whether the agent is still in its first moments (see {@link #connector}). */
    private boolean withinGrace() {
        if (System.nanoTime() - (connected + FIRST_USE_GRACE.toNanos()) >= 0) {
            return false;
        }
        try {
            Thread.sleep(20);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private <T> T as(Function<AgentIdentity, T> call) {
        AgentIdentity agent = agent();
        try {
            return call.apply(agent);
        } catch (PortFailure e) {
            throw new PortFailure(PORT, e.retryable(), e.getMessage(), e);
        } catch (ApplicationException | DomainException e) {
            throw PortFailure.permanent(PORT, e.getMessage(), e);
        }
    }
}
