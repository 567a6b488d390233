package dev.steward.application.port;

import java.time.Instant;
import java.util.Objects;

/**
 * A note, action or comment on a ticket. {@code visibility} says whether the requester can see it; {@code author}
 * who wrote it, as far as the PSA says.
 */
public record PsaNote(String id, String ticketId, String text, Visibility visibility, Instant createdAt,
                      Author author) {

    /**
     * Who wrote a note: one of the MSP's technicians (PSA members, agents, resources), a contact of the client (the
     * requester, through the portal or e-mail), or unknown. {@code email} is empty when the PSA does not tell it.
     */
    public record Author(Role role, String name, String email) {

        public enum Role { TECHNICIAN, CONTACT, UNKNOWN }

        public static final Author UNKNOWN = new Author(Role.UNKNOWN, "", "");

        public Author {
            Objects.requireNonNull(role, "role");
            name = name == null ? "" : name;
            email = email == null ? "" : email.strip();
        }

        public static Author technician(String name, String email) {
            return new Author(Role.TECHNICIAN, name, email);
        }

        public static Author contact(String name, String email) {
            return new Author(Role.CONTACT, name, email);
        }
    }

    /** A note whose author the PSA does not tell. */
    public PsaNote(String id, String ticketId, String text, Visibility visibility, Instant createdAt) {
        this(id, ticketId, text, visibility, createdAt, Author.UNKNOWN);
    }

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
        Objects.requireNonNull(author, "author");
    }
}
