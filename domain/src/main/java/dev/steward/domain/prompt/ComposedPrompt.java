package dev.steward.domain.prompt;

import java.util.Objects;

/** The one system prompt an agent runs with: base, MSP and client tiers in that order. */
public record ComposedPrompt(String text) {

    public ComposedPrompt {
        Objects.requireNonNull(text, "text");
    }
}
