package dev.steward.application.port.agent;

import dev.steward.domain.client.ClientId;
import java.util.List;
import java.util.UUID;

/**
 * What each session already did, one {@link SessionEffect} per session and step, so that a work item delivered again
 * never posts a note twice or runs a tool twice. Rules ({@code SessionEffectsContract}):
 * <ul>
 *   <li>{@link #begin} is atomic per (session, step): the first caller gets {@link Begun.Fresh} and does the effect;
 *       every later (or concurrent) caller gets {@link Begun.Existing} with what is stored, finished or not.</li>
 *   <li>{@link #finish} stores how a begun effect went; an effect never begun is {@code NotFound}.</li>
 *   <li>{@link #of} lists a session's effects in the order they were begun.</li>
 *   <li>{@link #wroteNote} tells whether a PSA note id of the client is one Steward posted (loop prevention).</li>
 * </ul>
 * {@link #begin} commits on its own even inside a unit of work: the record must outlive a failure of whatever the
 * caller does next (a PSA call that fails, a process that dies). {@link #finish} takes part in the caller's unit of
 * work, so a result can be stored together with what it caused (an approval request).
 */
public interface SessionEffects {

    sealed interface Begun {
        SessionEffect effect();

        record Fresh(SessionEffect effect) implements Begun {}

        record Existing(SessionEffect effect) implements Begun {}
    }

    Begun begin(SessionEffect effect);

    /** @throws dev.steward.application.problem.NotFound if the step was never begun */
    SessionEffect finish(SessionEffect effect);

    List<SessionEffect> of(UUID session);

    boolean wroteNote(ClientId client, String noteId);
}
