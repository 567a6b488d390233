package dev.steward.adapter.web.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.steward.application.client.ClientActivitySummary;
import dev.steward.application.client.ClientDetails;
import java.time.Instant;

/**
 * A client as the client list shows it: every field of {@link ClientJson} at the top level, plus the list's two
 * columns — how many requests wait for its agent, and when its newest activity entry was written (null: none yet).
 * Only the list carries them: a single client's entity tag follows its version, which these do not change.
 */
public record ClientListItemJson(@JsonUnwrapped ClientJson client, int requestsWaiting, Instant lastActivityAt) {

    public static ClientListItemJson from(ClientDetails details, ClientActivitySummary summary) {
        return new ClientListItemJson(ClientJson.from(details), summary.waitingRequests(),
                summary.lastActivity().orElse(null));
    }
}
