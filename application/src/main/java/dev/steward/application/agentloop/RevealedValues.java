package dev.steward.application.agentloop;

import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values an approved tool call produced for the technician who approved it (a temporary password, a temporary access
 * pass), held in this process's memory only — never stored, logged or sent anywhere — until that technician has seen
 * them once, or for {@link #KEPT} at most. A control plane that restarts forgets them; the action can be run again.
 */
public final class RevealedValues {

    /** How long values wait for their technician. */
    public static final Duration KEPT = Duration.ofMinutes(30);

    private record Held(MspId msp, String approver, Map<String, String> values, Instant until) {}

    private final Map<UUID, Held> held = new ConcurrentHashMap<>();
    private final Clock clock;

    @Inject
    public RevealedValues(Clock clock) {
        this.clock = clock;
    }

    /** Holds {@code values} of the call approved as {@code approval} for {@code approver} to see once. */
    public void hold(MspId msp, UUID approval, String approver, Map<String, String> values) {
        Objects.requireNonNull(approver, "approver");
        if (!values.isEmpty()) {
            held.put(approval, new Held(msp, approver, Map.copyOf(values), clock.instant().plus(KEPT)));
        }
    }

    /** Whether values of the approval wait for {@code approver} (so a page can offer to show them). */
    public boolean waitingFor(MspId msp, UUID approval, String approver) {
        return current(msp, approval).filter(h -> h.approver().equals(approver)).isPresent();
    }

    /** The approvals whose values wait for {@code approver}. */
    public java.util.List<UUID> approvalsWaitingFor(MspId msp, String approver) {
        return held.keySet().stream().filter(id -> waitingFor(msp, id, approver)).toList();
    }

    /** Whether values of the approval wait for anyone of the MSP. */
    public boolean waiting(MspId msp, UUID approval) {
        return current(msp, approval).isPresent();
    }

    /**
     * The values, removed as they are handed over: a second call finds nothing.
     *
     * @return empty if there are none (never held, seen already, expired or another MSP's)
     * @throws NotTheApprover if they wait for another technician (they stay held)
     */
    public Optional<Map<String, String>> take(MspId msp, UUID approval, String caller) {
        Optional<Held> current = current(msp, approval);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        if (!current.get().approver().equals(caller)) {
            throw new NotTheApprover();
        }
        return held.remove(approval, current.get()) ? Optional.of(current.get().values()) : Optional.empty();
    }

    /** The caller is not the technician who approved the call. */
    public static final class NotTheApprover extends RuntimeException {
        NotTheApprover() {
            super("only the technician who approved the call may see its values", null, false, false);
        }
    }

    private Optional<Held> current(MspId msp, UUID approval) {
        Held found = held.get(approval);
        if (found == null || !found.msp().equals(msp)) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(found.until())) {
            held.remove(approval, found);
            return Optional.empty();
        }
        return Optional.of(found);
    }
}
