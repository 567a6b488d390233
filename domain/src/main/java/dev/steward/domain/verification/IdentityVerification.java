package dev.steward.domain.verification;

import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One attempt to verify a session's requester before a sensitive action: a push through the MSP's verification
 * integration (Duo), or a technician's confirmation that they verified the caller. Only a {@link Result#VERIFIED}
 * attempt counts, and only for the session and requester it names ({@link #verifies}).
 */
public record IdentityVerification(UUID id, MspId msp, ClientId client, UUID session, String requester, Method method,
                                   Result result, String by, Instant at) {

    public static final int MAX_REQUESTER = 320;

    /** How the requester was (or was not) verified. */
    public enum Method {
        /** A push to the requester's phone through the MSP's verification integration. */
        PUSH,
        /** A technician confirmed, in the dashboard or over the API, that they verified the caller. */
        TECHNICIAN;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What came of it. Everything but {@link #VERIFIED} leaves the requester unverified. */
    public enum Result {
        VERIFIED, DENIED, TIMED_OUT, NOT_ENROLLED, FAILED;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    public IdentityVerification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(session, "session");
        if (requester == null || requester.isBlank()) {
            throw InvalidValue.of("requester", "required", "is required: only a known requester can be verified");
        }
        if (requester.length() > MAX_REQUESTER) {
            throw InvalidValue.of("requester", "too-long", "must be at most " + MAX_REQUESTER + " characters");
        }
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(result, "result");
        if (by == null || by.isBlank()) {
            throw InvalidValue.of("by", "required", "is required");
        }
        Objects.requireNonNull(at, "at");
    }

    /** A technician's confirmation that they verified the caller themselves. */
    public static IdentityVerification confirmedBy(String technician, UUID id, MspId msp, ClientId client, UUID session,
                                                   String requester, Instant at) {
        return new IdentityVerification(id, msp, client, session, requester, Method.TECHNICIAN, Result.VERIFIED,
                technician, at);
    }

    /** The outcome of a push sent through the integration of kind {@code kind}. */
    public static IdentityVerification pushed(String kind, Result result, UUID id, MspId msp, ClientId client,
                                              UUID session, String requester, Instant at) {
        return new IdentityVerification(id, msp, client, session, requester, Method.PUSH, result, kind, at);
    }

    /** Whether this verifies {@code requester} (ignoring case) in {@code session}. */
    public boolean verifies(UUID inSession, String who) {
        return result == Result.VERIFIED && session.equals(inSession) && who != null
                && requester.equalsIgnoreCase(who.strip());
    }

    /**
     * The activity line of this attempt on the session's ticket: its summary, {@code ok} when verified, {@code denied}
     * when the requester said no, {@code failed} otherwise, and the technician as actor when one confirmed.
     */
    public ActivityEntry activityEntry(UUID entryId, String ticket) {
        ActivityOutcome outcome = switch (result) {
            case VERIFIED -> ActivityOutcome.OK;
            case DENIED -> ActivityOutcome.DENIED;
            default -> ActivityOutcome.FAILED;
        };
        return new ActivityEntry(entryId, msp, client, Optional.of(session), Optional.of(ticket), at,
                ActivityKind.VERIFICATION, Optional.empty(), RedactedArguments.NONE, outcome, summary(), Duration.ZERO,
                method == Method.TECHNICIAN ? Optional.of(by) : Optional.empty());
    }

    /** The line the activity log keeps: who was verified how, and by whom. Never any detail of the push. */
    public String summary() {
        return switch (method) {
            case TECHNICIAN -> "identity of " + requester + " confirmed by " + by;
            case PUSH -> result == Result.VERIFIED ? "identity of " + requester + " verified by a " + by + " push"
                    : "identity of " + requester + " could not be verified by a " + by + " push: " + result.label();
        };
    }
}
