package dev.steward.domain.msp;

import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.prompt.PromptText;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The tenant: owns clients, technicians, MSP-wide integrations, the MSP prompt and the default mode that clients
 * in mode inherit follow. {@code version} is the optimistic-concurrency counter kept by the repository. An operator
 * may suspend an MSP: while suspended ({@code suspendedAt} present) its users cannot sign in, its sessions, API tokens,
 * webhooks and agents are refused, and its PSAs are not polled; resuming restores all of it.
 */
public record Msp(MspId id, MspName name, EffectiveMode defaultMode, PromptText prompt, Instant createdAt, long version,
                  Optional<Instant> suspendedAt) {

    public Msp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultMode, "defaultMode");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(suspendedAt, "suspendedAt");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
    }

    /** A new MSP: default mode plan (the safe choice), empty prompt. */
    public static Msp register(MspId id, MspName name, Instant at) {
        return new Msp(id, name, EffectiveMode.PLAN, PromptText.EMPTY, at, 0, Optional.empty());
    }

    public Msp withDefaultMode(EffectiveMode mode) {
        return new Msp(id, name, mode, prompt, createdAt, version, suspendedAt);
    }

    public Msp withPrompt(PromptText newPrompt) {
        return new Msp(id, name, defaultMode, newPrompt, createdAt, version, suspendedAt);
    }

    /** Same state, stamped with the version the store now holds. */
    public Msp atVersion(long newVersion) {
        return new Msp(id, name, defaultMode, prompt, createdAt, newVersion, suspendedAt);
    }

    public boolean active() {
        return suspendedAt.isEmpty();
    }

    /** Suspended at {@code at}; suspending again keeps the first time. */
    public Msp suspended(Instant at) {
        return active() ? new Msp(id, name, defaultMode, prompt, createdAt, version, Optional.of(at)) : this;
    }

    public Msp resumed() {
        return new Msp(id, name, defaultMode, prompt, createdAt, version, Optional.empty());
    }
}
