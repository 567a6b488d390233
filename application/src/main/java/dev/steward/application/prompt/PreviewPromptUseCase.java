package dev.steward.application.prompt;

import dev.steward.domain.msp.MspId;
import dev.steward.domain.prompt.ComposedPrompt;

/** Capability: the composed system prompt (base + MSP + client) a client's agent runs with, read-only. */
public interface PreviewPromptUseCase {

    ComposedPrompt preview(MspId msp, String slug);
}
