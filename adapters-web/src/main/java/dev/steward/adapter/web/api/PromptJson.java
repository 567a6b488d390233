package dev.steward.adapter.web.api;

/** Body of the prompt PUTs: the tier's full new text (empty removes it). */
public record PromptJson(String prompt) {
}
