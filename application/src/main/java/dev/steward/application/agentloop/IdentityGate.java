package dev.steward.application.agentloop;

import dev.steward.application.port.activity.ActivityLog;
import dev.steward.application.port.store.IdGenerator;
import dev.steward.application.port.verification.IdentityPushes;
import dev.steward.application.port.verification.IdentityVerifications;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.verification.IdentityVerification;
import dev.steward.domain.verification.IdentityVerification.Result;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The rule for sensitive tools: one runs only for a requester verified in its session, by a technician's confirmation
 * or a push through the MSP's verification integration. A push is sent at most once per session and only when a
 * call is carried out (never while diagnosing); its outcome is recorded as a verification and an activity line,
 * without any detail of the push.
 */
final class IdentityGate {

    /** The phrase a refused call's summary carries, so that the reply can tell the requester. */
    static final String NOT_VERIFIED = "the requester's identity could not be verified";

    private static final System.Logger LOG = System.getLogger(IdentityGate.class.getName());

    private final IdentityVerifications verifications;
    private final IdentityPushes pushes;
    private final ActivityLog activity;
    private final IdGenerator ids;
    private final Clock clock;

    IdentityGate(IdentityVerifications verifications, IdentityPushes pushes, ActivityLog activity, IdGenerator ids,
                 Clock clock) {
        this.verifications = verifications;
        this.pushes = pushes;
        this.activity = activity;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Empty when the sensitive call may run; otherwise why it may not (to follow "{@code <tool> was not run: }").
     *
     * @param mayPush whether a push may be sent now (only when a call is carried out)
     */
    Optional<String> check(SessionScope scope, ToolName tool, boolean mayPush) {
        String requester = scope.requester().strip();
        if (requester.isEmpty()) {
            return Optional.of(NOT_VERIFIED + " (the session's requester is not known)");
        }
        List<IdentityVerification> attempts = verifications.ofSession(scope.msp(), scope.session());
        if (attempts.stream().anyMatch(v -> v.verifies(scope.session(), requester))) {
            return Optional.empty();
        }
        if (!mayPush) {
            return Optional.of(NOT_VERIFIED + " yet; " + tool + " is sensitive and no verification is asked for "
                    + "while diagnosing");
        }
        Optional<IdentityVerification> failedPush = attempts.stream()
                .filter(v -> v.method() == IdentityVerification.Method.PUSH && v.requester().equalsIgnoreCase(requester))
                .reduce((first, second) -> second);
        if (failedPush.isPresent()) {
            return Optional.of(NOT_VERIFIED + " (the push in this session was " + failedPush.get().result().label()
                    + "; a technician can confirm the caller's identity)");
        }
        Optional<String> kind = pushes.available(scope.msp());
        if (kind.isEmpty()) {
            return Optional.of(NOT_VERIFIED + " (no verification integration such as Duo is connected; a technician "
                    + "can confirm the caller's identity)");
        }
        Result result = push(scope, requester);
        IdentityVerification attempt = IdentityVerification.pushed(kind.get(), result, ids.next(), scope.msp(),
                scope.client(), scope.session(), requester, clock.instant());
        verifications.record(attempt);
        activity.append(attempt.activityEntry(ids.next(), scope.ticket()));
        return result == Result.VERIFIED ? Optional.empty()
                : Optional.of(NOT_VERIFIED + " (" + result.label() + ")");
    }

    private Result push(SessionScope scope, String requester) {
        try {
            return pushes.push(scope.msp(), requester, "Helpdesk request " + scope.ticket());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "identity verification for session {0} failed: {1}", scope.session(),
                    e.getMessage());
            return Result.FAILED;
        }
    }
}
