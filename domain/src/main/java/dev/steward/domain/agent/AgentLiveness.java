package dev.steward.domain.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a running agent is alive, judged from its check-ins (what the control plane hears) rather than from inside
 * its container: an agent whose loop turns checks in at least every heartbeat, so one not heard from for longer than
 * {@code limit} has stopped (its loop is stuck, its process frozen, or it never got going).
 *
 * <p>Only time in which the agent could have been heard counts: not before it started running, and not before the
 * judge started listening (a control plane that was down, or just restarted, heard nothing, and that silence is its
 * own, not the agent's). The caller passes the later of those moments as {@code audibleSince}.
 *
 * @param limit how long an agent may go unheard; {@link #DEFAULT} is two heartbeats of an idle container agent
 *              (20 s) plus 10 s for a slow answer or an agent backing off after an outage (its back-off is at most
 *              30 s, so its first call after the control plane is back falls inside the limit)
 */
public record AgentLiveness(Duration limit) {

    /** How often an idle container agent checks in ({@code STEWARD_HEARTBEAT_MS}'s default). */
    public static final Duration CONTAINER_HEARTBEAT = Duration.ofSeconds(20);
    public static final AgentLiveness DEFAULT = new AgentLiveness(CONTAINER_HEARTBEAT.multipliedBy(2).plusSeconds(10));

    public AgentLiveness {
        Objects.requireNonNull(limit, "limit");
        if (limit.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the silence limit must be at least 1 s (got " + limit.toMillis()
                    + " ms)");
        }
    }

    /**
     * How long the agent has been silent, when that is longer than the limit; empty while it counts as alive.
     *
     * @param lastCheckIn  the agent's latest check-in (by any control plane sharing the store), if any
     * @param audibleSince since when the agent could have been heard (see the class comment)
     */
    public Optional<Silence> silence(Optional<Instant> lastCheckIn, Instant audibleSince, Instant now) {
        Objects.requireNonNull(lastCheckIn, "lastCheckIn");
        Objects.requireNonNull(audibleSince, "audibleSince");
        Objects.requireNonNull(now, "now");
        Instant heardOrExcused = lastCheckIn.filter(at -> at.isAfter(audibleSince)).orElse(audibleSince);
        Duration silent = Duration.between(heardOrExcused, now);
        return silent.compareTo(limit) > 0 ? Optional.of(new Silence(silent, limit)) : Optional.empty();
    }

    /** An agent unheard for {@code silentFor}, longer than {@code limit}. */
    public record Silence(Duration silentFor, Duration limit) {
        public Silence {
            Objects.requireNonNull(silentFor, "silentFor");
            Objects.requireNonNull(limit, "limit");
        }

        /** E.g. {@code no check-in for 62 s (limit 50 s)}: what the client's history and diagnostics say. */
        public String describe() {
            // whole seconds, rounded up: 50.3 s past a 50 s limit reads "51 s", never "50 s (limit 50 s)"
            long seconds = silentFor.plusNanos(999_999_999L).toSeconds();
            return "no check-in for " + seconds + " s (limit " + limit.toSeconds() + " s)";
        }
    }
}
