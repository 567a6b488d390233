package dev.steward.adapter.llm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An answer the model can fix when told what was wrong (THIRD-PARTY-APIS.md §6.1: malformed arguments happen; hand
 * the model a tool error rather than crash): a call of a tool outside the catalog or with arguments that are not a
 * JSON object, or a plan naming such a tool. Carries the model's message so it can be shown back to it.
 */
final class ModelMistake extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient JsonNode answer;

    ModelMistake(String problem, JsonNode answer) {
        super(problem, null, false, false);
        this.answer = answer;
    }

    /** The assistant message that held the mistake. */
    JsonNode answer() {
        return answer;
    }
}
