package dev.steward.application.port.psa;

import java.time.Instant;
import java.util.Objects;

/**
 * A note, action or comment on a ticket. {@code visibility} says whether the requester can see it; {@code author}
 * who wrote it, as far as the PSA says; {@code delivery}, for a reply just posted, whether the PSA e-mailed it to the
 * requester.
 */
public record PsaNote(String id, String ticketId, String text, Visibility visibility, Instant createdAt,
                      Author author, Delivery delivery) {

    /**
     * How a reply reached the requester: e-mailed by the PSA, or only posted on the ticket (with why: the PSA cannot
     * guarantee an e-mail, or the ticket names nobody to send it to). Notes read back, and internal notes, say
     * {@link State#UNTOLD}.
     */
    public record Delivery(State state, String reason) {

        public enum State { UNTOLD, EMAILED, POSTED_NOT_EMAILED }

        public static final Delivery UNTOLD = new Delivery(State.UNTOLD, "");
        public static final Delivery EMAILED = new Delivery(State.EMAILED, "");

        public Delivery {
            Objects.requireNonNull(state, "state");
            reason = reason == null ? "" : reason.strip();
        }

        public static Delivery postedNotEmailed(String reason) {
            return new Delivery(State.POSTED_NOT_EMAILED, reason);
        }

        /** For the activity log: "e-mailed to the requester", "posted, not e-mailed (why)", or empty. */
        public String describe() {
            return switch (state) {
                case UNTOLD -> "";
                case EMAILED -> "e-mailed to the requester";
                case POSTED_NOT_EMAILED -> "posted, not e-mailed" + (reason.isEmpty() ? "" : " (" + reason + ")");
            };
        }
    }

    /** A note whose delivery is not told (read back from the PSA, or not a reply). */
    public PsaNote(String id, String ticketId, String text, Visibility visibility, Instant createdAt, Author author) {
        this(id, ticketId, text, visibility, createdAt, author, Delivery.UNTOLD);
    }

    /** This note, e-mailed to the requester by the PSA. */
    public PsaNote emailed() {
        return new PsaNote(id, ticketId, text, visibility, createdAt, author, Delivery.EMAILED);
    }

    /** This note, posted on the ticket but not e-mailed, and why. */
    public PsaNote notEmailed(String reason) {
        return new PsaNote(id, ticketId, text, visibility, createdAt, author, Delivery.postedNotEmailed(reason));
    }

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
        Objects.requireNonNull(delivery, "delivery");
    }
}
