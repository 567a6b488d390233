package dev.steward.application.approval;

import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.client.Slug;
import java.util.Objects;

/** An approval request with the slug of the client whose agent raised it. */
public record ApprovalDetails(ApprovalRequest request, Slug client) {

    public ApprovalDetails {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(client, "client");
    }
}
