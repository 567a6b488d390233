package dev.steward.adapter.m365;

import java.util.Map;
import java.util.Objects;

/**
 * What one tool call did: a summary for the reasoner and the activity log, which never holds a secret, and the
 * values to reveal once to the approving technician (a temporary password, an access pass).
 */
record Outcome(String summary, Map<String, String> revealOnce) {

    Outcome {
        Objects.requireNonNull(summary, "summary");
        revealOnce = Map.copyOf(revealOnce);
        for (String secret : revealOnce.values()) {
            if (summary.contains(secret)) {
                throw new IllegalStateException("a summary must never hold a value revealed once");
            }
        }
    }

    static Outcome of(String summary) {
        return new Outcome(summary, Map.of());
    }

    @Override
    public String toString() {
        return "Outcome[" + summary + ", revealOnce=" + revealOnce.keySet() + "]";
    }
}
