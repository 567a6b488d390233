package dev.steward.application.port.psa;

import java.time.Instant;
import java.util.Objects;

/**
 * A ticket as the core sees it, whatever the PSA. {@code id} is the PSA's own ticket id (as text), {@code companyId}
 * the PSA company/account it belongs to (what a client's {@code PsaMapping} names), {@code requester} the contact's
 * name or e-mail (may be empty), {@code status} the PSA's status label, {@code description} plain text (may be empty).
 */
public record PsaTicket(String id, String companyId, String summary, String description, String requester,
                        String status, boolean closed, Instant createdAt) {

    public PsaTicket {
        requireText(id, "id");
        requireText(companyId, "companyId");
        Objects.requireNonNull(summary, "summary");
        description = description == null ? "" : description;
        requester = requester == null ? "" : requester;
        status = status == null ? "" : status;
        Objects.requireNonNull(createdAt, "createdAt");
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("ticket " + field + " is required");
        }
    }

    /** The request text the agent works from: the summary, then the description when there is one. */
    public String requestText() {
        return description.isBlank() ? summary : summary + "\n\n" + description;
    }
}
