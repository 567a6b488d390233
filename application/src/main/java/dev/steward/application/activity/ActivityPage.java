package dev.steward.application.activity;

import dev.steward.domain.activity.ActivityEntry;
import java.util.List;
import java.util.Optional;

/** One page of activity, newest first; {@code next} is the {@code before} cursor of the next page, empty on the last. */
public record ActivityPage(List<ActivityEntry> items, Optional<String> next) {

    public ActivityPage {
        items = List.copyOf(items);
    }
}
