package dev.steward.application.inmemory;

import dev.steward.application.port.agent.SessionEffect;
import dev.steward.application.port.agent.SessionEffects;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.client.ClientId;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Session effects in memory; a begin survives any rollback, a finish is undone with its unit of work. */
public final class InMemorySessionEffects implements SessionEffects {

    private record Key(UUID session, String step) {}

    private record Note(ClientId client, String noteId) {}

    private final Map<Key, SessionEffect> effects = new LinkedHashMap<>();
    private final Map<Note, Boolean> notes = new HashMap<>();

    private final InMemoryUnitOfWork unitOfWork;

    @Inject
    public InMemorySessionEffects(InMemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public synchronized Begun begin(SessionEffect effect) {
        Key key = new Key(effect.session(), effect.step());
        SessionEffect stored = effects.get(key);
        if (stored != null) {
            return new Begun.Existing(stored);
        }
        effects.put(key, effect);
        return new Begun.Fresh(effect);
    }

    @Override
    public synchronized SessionEffect finish(SessionEffect effect) {
        Key key = new Key(effect.session(), effect.step());
        SessionEffect before = effects.get(key);
        if (before == null) {
            throw new NotFound("session step", effect.session() + " " + effect.step());
        }
        effects.put(key, effect);
        effect.noteId().ifPresent(id -> notes.put(new Note(effect.client(), id), true));
        unitOfWork.onRollback(() -> {
            synchronized (this) {
                effects.put(key, before);
                effect.noteId().ifPresent(id -> notes.remove(new Note(effect.client(), id)));
            }
        });
        return effect;
    }

    @Override
    public synchronized List<SessionEffect> of(UUID session) {
        List<SessionEffect> out = new ArrayList<>();
        effects.forEach((key, effect) -> {
            if (key.session().equals(session)) {
                out.add(effect);
            }
        });
        return List.copyOf(out);
    }

    @Override
    public synchronized boolean wroteNote(ClientId client, String noteId) {
        return notes.containsKey(new Note(client, noteId));
    }
}
