package dev.steward.domain.mode;

/**
 * A mode an agent can actually run in. Used for the MSP default too, so that an MSP default of "inherit"
 * cannot even be expressed.
 */
public enum EffectiveMode {
    /** Diagnose with read-only tools, post one internal note with the plan, stop. */
    PLAN,
    /** Diagnose, note, then execute under each tool's policy. */
    EXECUTE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses {@code plan} or {@code execute}; {@code inherit} is refused because nothing is above the MSP. */
    public static EffectiveMode parse(String field, String text) {
        if ("inherit".equals(text)) {
            throw dev.steward.domain.problem.InvalidValue.of(field, "inherit-not-allowed",
                    "cannot be inherit: the MSP default must be plan or execute");
        }
        if (text == null || text.isEmpty()) {
            throw dev.steward.domain.problem.InvalidValue.of(field, "required", "is required");
        }
        for (EffectiveMode mode : values()) {
            if (mode.label().equals(text)) {
                return mode;
            }
        }
        // not OperatingMode's message: that one offers inherit, which is exactly what is not allowed here
        throw dev.steward.domain.problem.InvalidValue.of(field, "unknown",
                "must be plan or execute (got '" + OperatingMode.clip(text) + "')");
    }

    public OperatingMode asOperatingMode() {
        return this == PLAN ? OperatingMode.PLAN : OperatingMode.EXECUTE;
    }
}
