package dev.steward.application.inmemory;

import dev.steward.application.port.agent.SessionRepository;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.session.AgentSession;
import dev.steward.domain.session.NoteMark;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Agent sessions in memory; one lock makes {@link #addIfAbsent} atomic. */
public final class InMemorySessionRepository implements SessionRepository {

    private record SourceKey(ClientId client, AgentSession.Channel channel, String reference) {}

    private final InMemoryUnitOfWork unitOfWork;
    private final Map<UUID, AgentSession> byId = new HashMap<>();
    private final Map<SourceKey, UUID> bySource = new HashMap<>();

    @Inject
    public InMemorySessionRepository(InMemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public synchronized AgentSession addIfAbsent(AgentSession session) {
        SourceKey key = new SourceKey(session.client(), session.channel(), session.externalReference());
        UUID existing = bySource.get(key);
        if (existing != null) {
            return byId.get(existing);
        }
        byId.put(session.id(), session);
        bySource.put(key, session.id());
        unitOfWork.onRollback(() -> {
            synchronized (this) {
                byId.remove(session.id());
                bySource.remove(key);
            }
        });
        return session;
    }

    @Override
    public synchronized Optional<AgentSession> find(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<AgentSession> find(ClientId client, AgentSession.Channel channel, String reference) {
        return Optional.ofNullable(bySource.get(new SourceKey(client, channel, reference))).map(byId::get);
    }

    @Override
    public synchronized Optional<AgentSession> restartFailed(UUID id, java.time.Instant at) {
        AgentSession stored = byId.get(id);
        if (stored == null || !stored.mayRestart()) {
            return Optional.empty();
        }
        AgentSession running = new AgentSession(stored.id(), stored.client(), stored.channel(),
                stored.externalReference(), stored.requester(), stored.mode(), stored.configVersion(),
                AgentSession.State.RUNNING, at, Optional.empty(), false, stored.notesSeen());
        byId.put(id, running);
        unitOfWork.onRollback(() -> {
            synchronized (this) {
                byId.put(id, stored);
            }
        });
        return Optional.of(running);
    }

    @Override
    public synchronized AgentSession update(AgentSession session) {
        AgentSession stored = byId.get(session.id());
        if (stored == null) {
            throw new NotFound("session", session.id().toString());
        }
        AgentSession merged = new AgentSession(session.id(), stored.client(), stored.channel(),
                stored.externalReference(), session.requester(), stored.mode(), stored.configVersion(),
                session.state(), stored.startedAt(), session.endedAt(), stored.notePosted() || session.notePosted(),
                NoteMark.later(stored.notesSeen(), session.notesSeen()));
        byId.put(session.id(), merged);
        unitOfWork.onRollback(() -> {
            synchronized (this) {
                byId.put(session.id(), stored);
            }
        });
        return merged;
    }
}
