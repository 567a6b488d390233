package dev.steward.application.agentloop;

import dev.steward.application.port.PlannedAction;
import dev.steward.application.port.TranscriptItem;
import dev.steward.domain.activity.ActivityOutcome;
import java.util.List;

/**
 * The reply the requester gets once a plan ran: what was done, in the plan's own words (tool names and arguments are
 * internal and stay out), and whether a technician follows up.
 */
final class ReplyText {

    private ReplyText() {
    }

    static String render(List<PlannedAction> plan, List<TranscriptItem> calls) {
        StringBuilder out = new StringBuilder("Hello,\n\n");
        if (plan.isEmpty()) {
            return out.append("We looked into your request; a technician will follow up with you.").toString();
        }
        out.append("We have worked on your request:\n");
        boolean allDone = true;
        for (int i = 0; i < plan.size(); i++) {
            PlannedAction action = plan.get(i);
            boolean done = i < calls.size() && calls.get(i).outcome() == ActivityOutcome.OK;
            allDone &= done;
            String what = action.reason().isBlank() ? "step " + (i + 1) : action.reason().strip();
            out.append("- ").append(what).append(done ? ": done" : ": not completed").append('\n');
        }
        out.append(allDone ? "\nPlease let us know if anything still does not work."
                : "\nA technician will follow up on the steps that were not completed.");
        return out.toString();
    }
}
