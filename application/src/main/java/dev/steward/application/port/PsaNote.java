package dev.steward.application.port;

import java.time.Instant;
import java.util.Objects;

/** A note, action or comment on a ticket. {@code visibility} says whether the requester can see it. */
public record PsaNote(String id, String ticketId, String text, Visibility visibility, Instant createdAt) {

    public enum Visibility {
        /** Only the MSP's technicians see it. */
        INTERNAL,
        /** The requester sees it (portal, e-mail). */
        PUBLIC
    }

    public PsaNote {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
