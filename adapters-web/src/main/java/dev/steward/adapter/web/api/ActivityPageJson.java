package dev.steward.adapter.web.api;

import dev.steward.application.activity.ActivityPage;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A page of activity, newest first; {@code next} is the {@code before} value of the next page, null on the last.
 * {@code sessions} holds, by session id, the workflow versions each session on the page used (by name, then version);
 * a session that used none is not a key.
 */
public record ActivityPageJson(List<ActivityJson> items, String next, Map<String, List<UsedWorkflowJson>> sessions) {

    public static ActivityPageJson from(ActivityPage page) {
        Map<String, List<UsedWorkflowJson>> sessions = new TreeMap<>();
        page.workflows().forEach((session, used) -> sessions.put(session.toString(),
                used.stream().map(UsedWorkflowJson::from).toList()));
        return new ActivityPageJson(page.items().stream().map(ActivityJson::from).toList(), page.next().orElse(null),
                sessions);
    }
}
