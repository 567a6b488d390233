package dev.steward.domain.approval;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an approval request stands; a decision records who took it, when and why. A request nobody decided in time
 * {@link Expired expires}, which counts as a denial with that reason.
 */
public sealed interface ApprovalState {

    record Pending() implements ApprovalState {}

    record Approved(String by, Instant at, String reason) implements ApprovalState {
        public Approved {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
            reason = reason == null ? "" : reason;
        }
    }

    record Denied(String by, Instant at, String reason) implements ApprovalState {
        public Denied {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
            reason = reason == null ? "" : reason;
        }
    }

    record Expired(Instant at, String reason) implements ApprovalState {
        public Expired {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
