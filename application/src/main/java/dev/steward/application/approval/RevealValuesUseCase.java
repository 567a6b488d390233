package dev.steward.application.approval;

import dev.steward.application.agentloop.RevealedValues;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.msp.MspId;
import java.util.Map;
import java.util.Objects;

/**
 * Capability: the technician who approved a call sees, once, the values it produced for them (a temporary password,
 * a temporary access pass) to hand them over; afterwards Steward has forgotten them.
 */
public interface RevealValuesUseCase {

    /**
     * @throws dev.steward.application.problem.NotFound ({@code revealed values}) if the approval has none waiting:
     *     never produced, already seen, or more than {@link RevealedValues#KEPT} old
     * @throws dev.steward.domain.problem.ApprovalNotAllowed ({@code approval.role}) if the caller is not the
     *     technician who approved the call
     */
    Revealed reveal(MspId msp, String approval, String caller);

    /** The values, and the approval request whose call produced them. */
    record Revealed(ApprovalRequest approval, Map<String, String> values) {
        public Revealed {
            Objects.requireNonNull(approval, "approval");
            values = Map.copyOf(values);
        }

        /** Names the values, never shows them. */
        @Override
        public String toString() {
            return "Revealed[" + approval.id() + ", " + new java.util.TreeSet<>(values.keySet()) + "]";
        }
    }
}
