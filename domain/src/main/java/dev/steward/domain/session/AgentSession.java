package dev.steward.domain.session;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.mode.EffectiveMode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One unit of agent work, started by one request (a ticket). It keeps the mode (and configuration version) it started
 * with: a change applies to the next session. A ticket's session stays open while the ticket is: follow-ups and
 * approval decisions join it ({@link #resumed()}), and only a closed ticket ends it for good ({@link State#CLOSED}).
 *
 * <p>{@code notePosted} is the session's own record that its internal note reached the ticket; it decides whether a
 * failed session may be run again ({@link #mayRestart()}: a second note is worse than a technician's look).
 * {@code notesSeen} is how far intake has read the ticket's notes for follow-ups and approval commands.
 */
public record AgentSession(UUID id, ClientId client, Channel channel, String externalReference, String requester,
                           EffectiveMode mode, long configVersion, State state, Instant startedAt,
                           Optional<Instant> endedAt, boolean notePosted, Optional<NoteMark> notesSeen) {

    public enum Channel { TICKET, CHAT, VOICE }

    /**
     * {@code RUNNING}: work is queued or being worked. {@code AWAITING_APPROVAL}: paused for a technician.
     * {@code COMPLETED}: the agent is done for now (a follow-up runs it again). {@code FAILED}: its work could not be
     * delivered or done. {@code CLOSED}: the ticket was closed; nothing joins it any more.
     */
    public enum State { RUNNING, AWAITING_APPROVAL, COMPLETED, FAILED, CLOSED }

    public AgentSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(externalReference, "externalReference");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(notesSeen, "notesSeen");
        if (endedAt.isPresent() == isActive(state)) {
            throw new IllegalArgumentException("a running or waiting session has no end; an ended one has");
        }
    }

    private static boolean isActive(State state) {
        return state == State.RUNNING || state == State.AWAITING_APPROVAL;
    }

    public static AgentSession start(UUID id, ClientId client, Channel channel, String reference, String requester,
                                     EffectiveMode mode, long configVersion, Instant at) {
        return new AgentSession(id, client, channel, reference, requester, mode, configVersion, State.RUNNING, at,
                Optional.empty(), false, Optional.empty());
    }

    public AgentSession awaitingApproval() {
        return with(State.AWAITING_APPROVAL, Optional.empty());
    }

    /** Done for now ({@code COMPLETED}) or given up ({@code FAILED}). */
    public AgentSession ended(State outcome, Instant at) {
        if (outcome != State.COMPLETED && outcome != State.FAILED) {
            throw new IllegalArgumentException("a session ends completed or failed");
        }
        return with(outcome, Optional.of(at));
    }

    /** The ticket was closed: the session is over, whatever it was doing. */
    public AgentSession closed(Instant at) {
        return with(State.CLOSED, Optional.of(endedAt.orElse(at)));
    }

    /** Whether new work (a follow-up, an approval decided) may join this session. */
    public boolean isOpen() {
        return state != State.CLOSED && state != State.FAILED;
    }

    /** Running again for new work of the same ticket. @throws IllegalStateException if the session is not open */
    public AgentSession resumed() {
        if (!isOpen()) {
            throw new IllegalStateException("a " + state + " session takes no more work");
        }
        return with(State.RUNNING, Optional.empty());
    }

    /** A failed session may run again only if its note never reached the ticket. */
    public boolean mayRestart() {
        return state == State.FAILED && !notePosted;
    }

    public AgentSession withNotePosted() {
        return new AgentSession(id, client, channel, externalReference, requester, mode, configVersion, state,
                startedAt, endedAt, true, notesSeen);
    }

    public AgentSession withNotesSeen(NoteMark mark) {
        return new AgentSession(id, client, channel, externalReference, requester, mode, configVersion, state,
                startedAt, endedAt, notePosted, Optional.of(mark));
    }

    private AgentSession with(State next, Optional<Instant> end) {
        return new AgentSession(id, client, channel, externalReference, requester, mode, configVersion, next,
                startedAt, end, notePosted, notesSeen);
    }
}
