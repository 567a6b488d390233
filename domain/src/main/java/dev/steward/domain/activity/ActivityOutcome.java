package dev.steward.domain.activity;

import java.util.Locale;

/** How a tool call ended (transcript lines use {@link #OK}). Who approved or denied is in the entry's actor. */
public enum ActivityOutcome {
    OK,
    FAILED,
    REFUSED_BY_MODE,
    REFUSED_BY_POLICY,
    AWAITING_APPROVAL,
    APPROVED,
    DENIED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
