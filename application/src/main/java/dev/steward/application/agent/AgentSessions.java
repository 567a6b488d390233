package dev.steward.application.agent;

import dev.steward.application.port.agent.SessionRepository;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.session.AgentSession;
import java.util.UUID;

/** The one rule every agent call about a session checks: it is a session of the agent's own client. */
final class AgentSessions {

    private AgentSessions() {
    }

    /** @throws NotFound when the session does not exist or belongs to another client (the same answer for both) */
    static AgentSession require(SessionRepository sessions, AgentIdentity agent, UUID id) {
        return sessions.find(id).filter(s -> s.client().equals(agent.client()))
                .orElseThrow(() -> new NotFound("session", String.valueOf(id)));
    }
}
