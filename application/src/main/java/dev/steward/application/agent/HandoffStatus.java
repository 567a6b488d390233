package dev.steward.application.agent;

import java.util.Objects;

/**
 * The PSA status (its label, matched case-insensitively) a ticket is moved to when the agent hands it to a
 * technician because nothing could be done automatically: {@code STEWARD_HANDOFF_STATUS}, default
 * {@value #DEFAULT}. A PSA without a status of that name keeps the ticket's status; the hand-off note is posted anyway
 * and the activity log says why the status stayed.
 */
public record HandoffStatus(String label) {

    public static final String DEFAULT = "Needs Technician";

    public HandoffStatus {
        Objects.requireNonNull(label, "label");
        label = label.strip();
        if (label.isEmpty() || label.length() > 100) {
            throw new IllegalArgumentException("the hand-off status is a PSA status label of 1-100 characters");
        }
    }
}
