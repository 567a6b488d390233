package dev.steward.domain.agent;

import dev.steward.domain.problem.InvalidValue;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The state of a client's agent. Stored, not derived from history: the reconciler needs a row it can claim by
 * status, and the product wants every transition recorded ({@link StatusChange}).
 *
 * <p>The transition table (PRODUCT.md §1 "Agent status"):
 * <pre>
 * creating     → provisioning, pending, error, destroyed
 * provisioning → active, pending, error, destroyed
 * pending      → provisioning, error, destroyed
 * active       → provisioning (reconfigure / re-provision), error, destroyed
 * error        → provisioning (retry), destroyed
 * destroyed    → (terminal)
 * </pre>
 */
public enum AgentStatus {
    CREATING,
    PROVISIONING,
    PENDING,
    ACTIVE,
    ERROR,
    DESTROYED;

    private static final Map<AgentStatus, Set<AgentStatus>> NEXT = new EnumMap<>(AgentStatus.class);

    static {
        allow(CREATING, PROVISIONING, PENDING, ERROR, DESTROYED);
        allow(PROVISIONING, ACTIVE, PENDING, ERROR, DESTROYED);
        allow(PENDING, PROVISIONING, ERROR, DESTROYED);
        allow(ACTIVE, PROVISIONING, ERROR, DESTROYED);
        allow(ERROR, PROVISIONING, DESTROYED);
        allow(DESTROYED);
    }

    private static void allow(AgentStatus from, AgentStatus... to) {
        NEXT.put(from, to.length == 0 ? EnumSet.noneOf(AgentStatus.class) : EnumSet.copyOf(List.of(to)));
    }

    public boolean canMoveTo(AgentStatus target) {
        return NEXT.get(this).contains(target);
    }

    public Set<AgentStatus> next() {
        return EnumSet.copyOf(NEXT.get(this));
    }

    public boolean isTerminal() {
        return NEXT.get(this).isEmpty();
    }

    /** States in which the reconciler still has work to do without anyone asking. */
    public boolean isTransitional() {
        return this == CREATING || this == PROVISIONING || this == PENDING;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AgentStatus parse(String field, String text) {
        for (AgentStatus status : values()) {
            if (status.label().equals(text)) {
                return status;
            }
        }
        throw InvalidValue.of(field, "unknown",
                "must be one of creating, provisioning, pending, active, error, destroyed");
    }
}
