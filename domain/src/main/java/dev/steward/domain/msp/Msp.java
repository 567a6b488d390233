package dev.steward.domain.msp;

import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.prompt.PromptText;
import java.time.Instant;
import java.util.Objects;

/**
 * The tenant: owns clients, technicians, MSP-wide integrations, the MSP prompt and the default mode that clients
 * in mode inherit follow. {@code version} is the optimistic-concurrency counter kept by the repository.
 */
public record Msp(MspId id, MspName name, EffectiveMode defaultMode, PromptText prompt, Instant createdAt, long version) {

    public Msp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultMode, "defaultMode");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(createdAt, "createdAt");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
    }

    /** A new MSP: default mode plan (the safe choice), empty prompt. */
    public static Msp register(MspId id, MspName name, Instant at) {
        return new Msp(id, name, EffectiveMode.PLAN, PromptText.EMPTY, at, 0);
    }

    public Msp withDefaultMode(EffectiveMode mode) {
        return new Msp(id, name, mode, prompt, createdAt, version);
    }

    public Msp withPrompt(PromptText newPrompt) {
        return new Msp(id, name, defaultMode, newPrompt, createdAt, version);
    }

    /** Same state, stamped with the version the store now holds. */
    public Msp atVersion(long newVersion) {
        return new Msp(id, name, defaultMode, prompt, createdAt, newVersion);
    }
}
