package dev.steward.domain.agent;

import java.time.Instant;
import java.util.Objects;

/**
 * What provisioning has to do for a client now, judged from the stored client alone ({@code Client#reconciliation}).
 * The one rule of "due for reconciliation": the reconciler's due pass, the in-memory store and the SQL of the
 * PostgreSQL store all follow it (the store contract checks that the SQL agrees). Whether the runtime agrees with an
 * active client is judged on top of it, by the full pass.
 */
public sealed interface Reconciliation {

    /** Whether a due pass must handle the client now. */
    boolean isDue();

    /** A new client: provisioning starts. */
    record Start() implements Reconciliation {
        @Override
        public boolean isDue() {
            return true;
        }
    }

    /** Provisioning is under way: make sure the agent exists and wait for its acknowledgement. */
    record Continue() implements Reconciliation {
        @Override
        public boolean isDue() {
            return true;
        }
    }

    /** Pending or error whose back-off has run out (or was cut short): provisioning starts again. */
    record Retry(int attempt, String why) implements Reconciliation {
        public Retry {
            if (attempt < 1) {
                throw new IllegalArgumentException("attempt starts at 1");
            }
            Objects.requireNonNull(why, "why");
        }

        @Override
        public boolean isDue() {
            return true;
        }
    }

    /** Pending or error, backing off until {@code until}. */
    record Wait(Instant until) implements Reconciliation {
        public Wait {
            Objects.requireNonNull(until, "until");
        }

        @Override
        public boolean isDue() {
            return false;
        }
    }

    /** Active or destroyed: no work of its own; only what the runtime shows can make some (the full pass). */
    record Watch() implements Reconciliation {
        @Override
        public boolean isDue() {
            return false;
        }
    }
}
