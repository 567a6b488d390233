package dev.steward.adapter.web.api;

import dev.steward.application.client.ClientDetails;

/** A client's own prompt tier, with the client version to send back in {@code If-Match}. */
public record ClientPromptJson(String slug, String prompt, long version) {

    public static ClientPromptJson from(ClientDetails details) {
        return new ClientPromptJson(details.client().slug().value(), details.client().prompt().value(),
                details.client().version());
    }
}
