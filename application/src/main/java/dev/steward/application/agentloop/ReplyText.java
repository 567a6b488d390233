package dev.steward.application.agentloop;

import dev.steward.application.agent.message.Assignment;
import dev.steward.domain.activity.ActivityOutcome;
import java.util.List;
import java.util.Optional;

/**
 * What the requester reads, in the plan's own words (tool names and arguments are internal and stay out). A reply
 * says only what was done: when something could not be done the requester reads that a technician will look at the
 * rest, never a list of failures, which go to the technicians in an internal note instead.
 */
final class ReplyText {

    private ReplyText() {
    }

    private static final String HANDED_OVER = "\nA technician will hand over your new sign-in details in person or by"
            + " phone; they are not sent by e-mail or written on the ticket.\n";
    private static final String IDENTITY_NOT_VERIFIED = "\nWe could not verify your identity, so we did not make"
            + " changes that need it; a technician will contact you to verify it.\n";

    /**
     * @param rest whether part of the request is left to a technician
     * @param identityRefused whether a step needing a verified requester was not run because they were not verified
     */
    private static String done(List<Assignment.StepResult> done, boolean rest, boolean identityRefused) {
        StringBuilder out = new StringBuilder("Hello,\n\nWe have taken care of the following:\n");
        for (int i = 0; i < done.size(); i++) {
            Assignment.StepResult step = done.get(i);
            out.append("- ").append(step.reason().isBlank() ? "step " + (i + 1) : step.reason().strip()).append('\n');
        }
        if (done.stream().anyMatch(step -> step.summary().contains(ToolGateway.HELD_FOR_APPROVER))) {
            out.append(HANDED_OVER);
        }
        if (identityRefused) {
            out.append(IDENTITY_NOT_VERIFIED);
        }
        out.append(rest ? "\nA technician will look at the rest of your request."
                : "\nPlease let us know if anything still does not work.");
        return out.toString();
    }

    /** A planned action a technician did not approve (or that expired): it was not done, and why. */
    static String notApproved(String reason, String why) {
        String what = reason.isBlank() ? "one of the steps for your request" : "\"" + reason.strip() + "\"";
        return "Hello,\n\nWe did not carry out " + what + ": it was not approved"
                + (why.isBlank() ? "." : " (" + why.strip() + ").")
                + "\nA technician will follow up with you if anything else is needed.";
    }

    /**
     * The reply at the end of a plan, if there is something to tell: what was done, or — when nothing was — that the
     * requester's identity could not be verified. Failures are for technicians, not here.
     */
    static Optional<String> after(List<Assignment.StepResult> results) {
        List<Assignment.StepResult> done = results.stream()
                .filter(r -> r.outcome() == ActivityOutcome.OK).toList();
        boolean identityRefused = results.stream()
                .anyMatch(r -> ToolGateway.refusedForIdentity(r.outcome(), r.summary()));
        if (done.isEmpty()) {
            return identityRefused ? Optional.of("Hello,\n" + IDENTITY_NOT_VERIFIED)
                    : Optional.empty();
        }
        boolean rest = results.stream().anyMatch(r -> r.outcome() == ActivityOutcome.FAILED
                || r.outcome() == ActivityOutcome.REFUSED_BY_MODE || r.outcome() == ActivityOutcome.REFUSED_BY_POLICY);
        return Optional.of(done(done, rest, identityRefused));
    }
}
