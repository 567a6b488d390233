package dev.steward.application.activity;

import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.Slug;
import dev.steward.domain.workflow.AppliedWorkflow;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One page of activity, newest first; {@code next} is the {@code before} cursor of the next page, empty on the last.
 * {@code slugs} names the clients the page's entries belong to (an MSP-wide page mixes clients); {@code workflows}
 * holds the workflow versions each session on the page used (a session that used none is not a key).
 */
public record ActivityPage(List<ActivityEntry> items, Optional<String> next, Map<ClientId, Slug> slugs,
                           Map<UUID, List<AppliedWorkflow>> workflows) {

    public ActivityPage {
        items = List.copyOf(items);
        slugs = Map.copyOf(slugs);
        workflows = Map.copyOf(workflows);
    }

    /** A page whose sessions used no workflow (or that names no session). */
    public ActivityPage(List<ActivityEntry> items, Optional<String> next, Map<ClientId, Slug> slugs) {
        this(items, next, slugs, Map.of());
    }
}
