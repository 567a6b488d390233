package dev.steward.adapter.web.api;

import dev.steward.domain.prompt.ComposedPrompt;

/** The composed system prompt (base, MSP and client tiers), read-only. */
public record ComposedPromptJson(String text) {

    public static ComposedPromptJson from(ComposedPrompt prompt) {
        return new ComposedPromptJson(prompt.text());
    }
}
