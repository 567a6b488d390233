package dev.steward.domain.integration;

import dev.steward.domain.problem.InvalidValue;
import java.util.Locale;
import java.util.Set;

/** What the control plane does when an agent calls a tool. Enforced at the tool gateway, so changes need no redeploy. */
public enum ToolPolicy {
    /** Runs at once. */
    AUTO,
    /** Waits for a technician's approval. */
    APPROVAL_NEEDED,
    /** Hidden from the agent; any call is refused. */
    DISABLED;

    private static final Set<String> READ_VERBS = Set.of("get", "list", "search", "fetch", "read", "find", "lookup");

    /** Read-only tools run automatically; write tools wait for approval. */
    public static ToolPolicy defaultFor(ToolEffect effect) {
        return effect == ToolEffect.READ_ONLY ? AUTO : APPROVAL_NEEDED;
    }

    /**
     * For MCP tools, whose effect is not declared: guessed from the verb the tool name starts with
     * (get/list/search/fetch → auto; anything else, including create/update/delete/send, waits for approval).
     */
    public static ToolPolicy guessedFromName(ToolName tool) {
        String verb = tool.action().split("[-_]", 2)[0];
        if (READ_VERBS.contains(verb)) {
            return AUTO;
        }
        return APPROVAL_NEEDED;
    }

    /** The effect an MCP tool is classified with, by the same verb rule. */
    public static ToolEffect effectGuessedFromName(ToolName tool) {
        return guessedFromName(tool) == AUTO ? ToolEffect.READ_ONLY : ToolEffect.WRITE;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ToolPolicy parse(String field, String text) {
        for (ToolPolicy policy : values()) {
            if (policy.label().equals(text)) {
                return policy;
            }
        }
        throw InvalidValue.of(field, "unknown", "must be one of auto, approval_needed, disabled");
    }
}
