package dev.steward.application.activity;

import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.Slug;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of activity, newest first; {@code next} is the {@code before} cursor of the next page, empty on the last.
 * {@code slugs} names the clients the page's entries belong to (an MSP-wide page mixes clients).
 */
public record ActivityPage(List<ActivityEntry> items, Optional<String> next, Map<ClientId, Slug> slugs) {

    public ActivityPage {
        items = List.copyOf(items);
        slugs = Map.copyOf(slugs);
    }
}
