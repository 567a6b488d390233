package dev.steward.adapter.web.api;

import dev.steward.application.activity.ActivityPage;
import java.util.List;

/** A page of activity, newest first; {@code next} is the {@code before} value of the next page, null on the last. */
public record ActivityPageJson(List<ActivityJson> items, String next) {

    public static ActivityPageJson from(ActivityPage page) {
        return new ActivityPageJson(page.items().stream().map(ActivityJson::from).toList(), page.next().orElse(null));
    }
}
