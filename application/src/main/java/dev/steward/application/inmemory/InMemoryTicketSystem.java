package dev.steward.application.inmemory;

import dev.steward.application.port.psa.PsaCapability;
import dev.steward.application.port.psa.PsaNote;
import dev.steward.application.port.psa.PsaNote.Visibility;
import dev.steward.application.port.psa.PsaTicket;
import dev.steward.application.port.psa.TicketSystem;
import dev.steward.application.port.psa.UnsupportedCapability;
import dev.steward.application.problem.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A PSA in memory, for tests, demos and embedding: tickets are opened through {@link #open}, everything the port
 * writes is kept and can be read back. It declares the capabilities it is built with, so callers can be tested
 * against a PSA that lacks some.
 */
public final class InMemoryTicketSystem implements TicketSystem {

    /** The statuses every in-memory PSA knows; the first is a new ticket's, the last ones close it. */
    public static final List<String> STATUSES = List.of("New", "In Progress", "Waiting on Customer",
            "Needs Technician", "Resolved", "Closed");

    /** Who the in-memory PSA says wrote Steward's notes: its API member. */
    public static final PsaNote.Author SELF = PsaNote.Author.technician("Steward API member", "");

    private final String kind;
    private final Clock clock;
    private final EnumSet<PsaCapability> capabilities;
    private final Map<String, PsaTicket> tickets = new LinkedHashMap<>();
    private final Map<String, List<PsaNote>> notes = new LinkedHashMap<>();
    private long nextTicket = 1000;
    private long nextNote = 1;

    public InMemoryTicketSystem(String kind, Clock clock) {
        this(kind, clock, EnumSet.allOf(PsaCapability.class));
    }

    public InMemoryTicketSystem(String kind, Clock clock, EnumSet<PsaCapability> capabilities) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.capabilities = EnumSet.copyOf(capabilities);
    }

    /** Opens a ticket as a requester would; returns its id. */
    public synchronized String open(String companyId, String summary, String description, String requester,
                                    Instant createdAt) {
        String id = Long.toString(++nextTicket);
        tickets.put(id, new PsaTicket(id, companyId, summary, description, requester, STATUSES.getFirst(), false,
                createdAt));
        notes.put(id, new ArrayList<>());
        return id;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public EnumSet<PsaCapability> capabilities() {
        return EnumSet.copyOf(capabilities);
    }

    @Override
    public synchronized List<PsaTicket> newTickets(Instant since) {
        require(PsaCapability.POLL_NEW_TICKETS);
        return tickets.values().stream()
                .filter(t -> !t.closed() && !t.createdAt().isBefore(since))
                .sorted(Comparator.comparing(PsaTicket::createdAt).thenComparing(t -> Long.parseLong(t.id())))
                .toList();
    }

    @Override
    public synchronized PsaTicket ticket(String ticketId) {
        require(PsaCapability.READ_TICKETS);
        return existing(ticketId);
    }

    @Override
    public synchronized List<PsaNote> notes(String ticketId) {
        require(PsaCapability.READ_TICKETS);
        existing(ticketId);
        return List.copyOf(notes.get(ticketId));
    }

    @Override
    public PsaNote addInternalNote(String ticketId, String text) {
        return add(PsaCapability.INTERNAL_NOTES, ticketId, text, Visibility.INTERNAL, SELF);
    }

    @Override
    public PsaNote addReply(String ticketId, String text) {
        return add(PsaCapability.PUBLIC_REPLIES, ticketId, text, Visibility.PUBLIC, SELF);
    }

    @Override
    public PsaNote addApprovalRequest(String ticketId, String text) {
        return add(PsaCapability.APPROVAL_COMMENTS, ticketId, text, Visibility.INTERNAL, SELF);
    }

    /** Someone other than Steward writes on the ticket: the requester comments, a technician adds a note. */
    public PsaNote write(String ticketId, String text, Visibility visibility, PsaNote.Author author) {
        synchronized (this) {
            existing(ticketId);
        }
        return add(null, ticketId, text, visibility, author);
    }

    /** Closes the ticket, as a technician resolving it in the PSA would. */
    public synchronized void close(String ticketId) {
        PsaTicket t = existing(ticketId);
        tickets.put(ticketId, new PsaTicket(t.id(), t.companyId(), t.summary(), t.description(), t.requester(),
                "Closed", true, t.createdAt()));
    }

    @Override
    public synchronized void updateStatus(String ticketId, String statusLabel) {
        require(PsaCapability.STATUS_UPDATES);
        PsaTicket t = existing(ticketId);
        String status = STATUSES.stream().filter(s -> s.equalsIgnoreCase(statusLabel)).findFirst()
                .orElseThrow(() -> new NotFound("ticket status", statusLabel));
        boolean closed = STATUSES.indexOf(status) >= STATUSES.indexOf("Resolved");
        tickets.put(ticketId, new PsaTicket(t.id(), t.companyId(), t.summary(), t.description(), t.requester(), status,
                closed, t.createdAt()));
    }

    /** Every note of every ticket, for assertions. */
    public synchronized List<PsaNote> allNotes() {
        return notes.values().stream().flatMap(List::stream).toList();
    }

    public synchronized Optional<PsaTicket> find(String ticketId) {
        return Optional.ofNullable(tickets.get(ticketId));
    }

    private synchronized PsaNote add(PsaCapability capability, String ticketId, String text, Visibility visibility,
                                     PsaNote.Author author) {
        if (capability != null) {
            require(capability);
        }
        existing(ticketId);
        Objects.requireNonNull(text, "text");
        PsaNote note = new PsaNote(Long.toString(nextNote++), ticketId, text, visibility, clock.instant(), author);
        notes.get(ticketId).add(note);
        return note;
    }

    private PsaTicket existing(String ticketId) {
        PsaTicket ticket = tickets.get(ticketId);
        if (ticket == null) {
            throw new NotFound("ticket", ticketId);
        }
        return ticket;
    }

    private void require(PsaCapability capability) {
        if (!capabilities.contains(capability)) {
            throw new UnsupportedCapability(kind, capability);
        }
    }

    @Override
    public String toString() {
        return "InMemoryTicketSystem[" + kind.toLowerCase(Locale.ROOT) + "]";
    }
}
