package dev.steward.domain.workflow;

import dev.steward.domain.problem.InvalidValue;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a workflow is in its life. Only {@code ACTIVE} workflows apply to requests. A draft is being written; an
 * archived one is retired but kept (with its versions, which sessions refer to). An archived workflow comes back only
 * by being activated again, as it was: it never becomes a draft, so "archived" never hides work in progress.
 */
public enum WorkflowStatus {
    DRAFT, ACTIVE, ARCHIVED;

    private static final Map<WorkflowStatus, Set<WorkflowStatus>> NEXT = new EnumMap<>(WorkflowStatus.class);

    static {
        allow(DRAFT, ACTIVE, ARCHIVED);
        allow(ACTIVE, DRAFT, ARCHIVED);
        allow(ARCHIVED, ACTIVE);
    }

    private static void allow(WorkflowStatus from, WorkflowStatus... to) {
        NEXT.put(from, EnumSet.copyOf(List.of(to)));
    }

    /** Whether a workflow in this status may be moved to {@code target} (a different status). */
    public boolean canMoveTo(WorkflowStatus target) {
        return NEXT.get(this).contains(target);
    }

    /** {@code draft}, {@code active}, {@code archived}: the word the API and the dashboard use. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidValue ({@code status.unknown}) for anything but the three labels */
    public static WorkflowStatus ofLabel(String label) {
        for (WorkflowStatus status : values()) {
            if (status.label().equals(label)) {
                return status;
            }
        }
        throw InvalidValue.of("status", "unknown", "must be draft, active or archived");
    }
}
