package dev.steward.domain.mode;

import dev.steward.domain.problem.InvalidValue;
import java.util.Locale;

/** How far a client's agent may act. {@link #INHERIT} follows the MSP's default. */
public enum OperatingMode {
    PLAN,
    EXECUTE,
    INHERIT;

    /** The mode the agent runs in, given the MSP's default. */
    public EffectiveMode effective(EffectiveMode mspDefault) {
        return switch (this) {
            case PLAN -> EffectiveMode.PLAN;
            case EXECUTE -> EffectiveMode.EXECUTE;
            case INHERIT -> java.util.Objects.requireNonNull(mspDefault, "mspDefault");
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code plan}, {@code execute} or {@code inherit} (exactly, lowercase as in the API). */
    public static OperatingMode parse(String field, String text) {
        if (text == null || text.isEmpty()) {
            throw InvalidValue.of(field, "required", "is required");
        }
        for (OperatingMode mode : values()) {
            if (mode.label().equals(text)) {
                return mode;
            }
        }
        throw InvalidValue.of(field, "unknown", "must be one of plan, execute, inherit (got '" + clip(text) + "')");
    }

    static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
