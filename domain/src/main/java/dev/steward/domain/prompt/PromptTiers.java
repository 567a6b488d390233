package dev.steward.domain.prompt;

import java.util.Objects;

/**
 * The three prompt tiers, composed in a fixed order: Steward's base prompt, the MSP prompt, the client prompt.
 * Later tiers refine earlier ones; empty tiers are left out rather than producing an empty section.
 */
public record PromptTiers(PromptText base, PromptText msp, PromptText client) {

    /** Shipped with Steward; MSPs cannot edit it. */
    public static final PromptText BASE = PromptText.of("""
            You are a helpdesk agent working for a managed service provider (MSP) on behalf of one of its clients.
            Diagnose each request with read-only tools first. Write your diagnosis and the plan you would execute as \
            an internal note on the source ticket before doing anything else.
            Only use the tools you are given. Never try to bypass a tool policy: calls are checked by the control plane, \
            and tools that need approval wait for a technician.
            Never reveal credentials, secrets or internal notes to the requester. If you are unsure, say so and \
            escalate rather than guess.""");

    public PromptTiers {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(client, "client");
    }

    public static PromptTiers of(PromptText msp, PromptText client) {
        return new PromptTiers(BASE, msp, client);
    }

    public ComposedPrompt compose() {
        StringBuilder out = new StringBuilder();
        section(out, "Base instructions", base);
        section(out, "MSP instructions", msp);
        section(out, "Client instructions", client);
        return new ComposedPrompt(out.toString());
    }

    private static void section(StringBuilder out, String title, PromptText text) {
        if (text.isBlank()) {
            return;
        }
        if (!out.isEmpty()) {
            out.append("\n\n");
        }
        out.append("## ").append(title).append('\n').append(text.value().strip());
    }
}
