package dev.steward.adapter.psa.common;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.port.psa.PsaNote;
import dev.steward.application.port.psa.PsaTicket;
import dev.steward.application.port.psa.TicketSystem;
import dev.steward.application.problem.NotFound;
import dev.steward.application.spi.Directory;
import dev.steward.application.spi.InboundWebhook;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.application.spi.ToolCall;
import dev.steward.application.spi.ToolResult;
import dev.steward.application.spi.WebhookReader;
import dev.steward.domain.integration.ClientMapping;
import dev.steward.domain.integration.Tool;
import java.util.List;
import java.util.Optional;

/**
 * One MSP's connected PSA: its ticket system, its webhook reader, and the {@link PsaTools} run against it. A tool
 * acts only on a ticket of the calling client's PSA company (the call's mapping); a ticket of another company is not
 * found, so one client's agent never reads or writes another client's tickets.
 */
public final class PsaConnection implements IntegrationConnection {

    /** How much of a ticket's description, or of one note, a summary quotes. */
    static final int QUOTE = 2_000;

    private final String kind;
    private final PsaSystem system;
    private final WebhookReader webhooks;
    private final WebhookSetup webhook;
    private final Optional<IntegrationSettings> valuesToStore;
    private final List<Tool> tools;

    /** @param stored the values to store, connecting's additions (the webhook's id and secret) included */
    public PsaConnection(String kind, PsaSystem system, WebhookReader webhooks, WebhookSetup webhook,
                         IntegrationSettings stored) {
        this.kind = kind;
        this.system = system;
        this.webhooks = webhooks;
        this.webhook = webhook;
        this.valuesToStore = webhook.settings().isEmpty() && webhook.secrets().isEmpty() ? Optional.empty()
                : Optional.of(stored);
        this.tools = PsaTools.of(kind);
    }

    @Override
    public Optional<InboundWebhook> inboundWebhook() {
        return Optional.of(webhook.shown());
    }

    @Override
    public Optional<IntegrationSettings> valuesToStore() {
        return valuesToStore;
    }

    @Override
    public void removeRegistrations() {
        webhook.removal().remove();
    }

    @Override
    public List<Tool> tools() {
        return tools;
    }

    @Override
    public ToolResult execute(ToolCall call) {
        if (tools.stream().noneMatch(t -> t.name().equals(call.tool()))) {
            throw new NotFound("tool", call.tool().value());
        }
        String company = companyOf(call);
        switch (call.tool().action()) {
            case PsaTools.FIND_CONTACT -> {
                String email = call.argument("email").orElseThrow();
                List<PsaContacts.Contact> found = system.contacts(company, Optional.of(email));
                return ToolResult.of(found.isEmpty() ? "No contact of the client's company has the e-mail address "
                        + email + "." : describeContacts(found));
            }
            case PsaTools.LIST_COMPANY_CONTACTS -> {
                List<PsaContacts.Contact> found = system.contacts(company, Optional.empty());
                return ToolResult.of(found.isEmpty() ? "The client's company has no active contacts."
                        : describeContacts(found));
            }
            default -> {
                // every other tool is about one ticket of the client's company
            }
        }
        String ticket = call.argument("ticket").orElseThrow();
        PsaTicket found = clientsOwn(company, ticket);
        return ToolResult.of(switch (call.tool().action()) {
            case PsaTools.GET_TICKET -> describe(found);
            case PsaTools.LIST_NOTES -> describe(system.notes(ticket));
            case PsaTools.ADD_INTERNAL_NOTE -> "Internal note " + system.addInternalNote(ticket,
                    call.argument("text").orElseThrow()).id() + " added to ticket " + ticket;
            case PsaTools.REPLY_TO_REQUESTER -> {
                PsaNote reply = system.addReply(ticket, call.argument("text").orElseThrow());
                String delivery = reply.delivery().describe();
                yield "Reply " + reply.id() + " posted on ticket " + ticket + (delivery.isEmpty() ? "" : ", " + delivery);
            }
            case PsaTools.UPDATE_STATUS -> {
                String status = call.argument("status").orElseThrow();
                system.updateStatus(ticket, status);
                yield "Ticket " + ticket + " moved from " + (found.status().isBlank() ? "its status" : found.status())
                        + " to " + status;
            }
            default -> throw new NotFound("tool", call.tool().value());
        });
    }

    /** @throws NotFound naming the missing company when the client is not mapped to one in this PSA */
    private String companyOf(ToolCall call) {
        return call.mapping().map(ClientMapping::externalId).orElseThrow(() -> new NotFound(
                kind + " company of this client", call.client().toString()));
    }

    /** @throws NotFound ({@code ticket}) unless the ticket is of the client's own PSA company */
    private PsaTicket clientsOwn(String company, String ticket) {
        PsaTicket found = system.ticket(ticket);
        if (!found.companyId().equals(company)) {
            throw new NotFound("ticket", ticket);
        }
        return found;
    }

    private static String describe(PsaTicket ticket) {
        return "Ticket " + ticket.id() + " (" + (ticket.closed() ? "closed" : "open")
                + (ticket.status().isBlank() ? "" : ", status " + ticket.status()) + ", opened " + ticket.createdAt()
                + (ticket.requester().isBlank() ? "" : ", requester " + ticket.requester()) + "): "
                + ticket.summary() + (ticket.description().isBlank() ? "" : "\n" + quote(ticket.description()));
    }

    private static String describe(List<PsaNote> notes) {
        if (notes.isEmpty()) {
            return "The ticket has no notes.";
        }
        StringBuilder out = new StringBuilder(notes.size() + (notes.size() == 1 ? " note:" : " notes:"));
        for (PsaNote note : notes) {
            out.append("\n- ").append(note.createdAt()).append(' ')
                    .append(note.visibility() == PsaNote.Visibility.INTERNAL ? "internal" : "public").append(": ")
                    .append(quote(note.text()));
        }
        return out.toString();
    }

    private static String describeContacts(List<PsaContacts.Contact> found) {
        StringBuilder out = new StringBuilder(found.size() + (found.size() == 1 ? " contact:" : " contacts:"));
        for (PsaContacts.Contact contact : found) {
            out.append("\n- ").append(contact.name().isBlank() ? "(no name)" : contact.name())
                    .append(contact.email().isBlank() ? "" : " <" + contact.email() + ">")
                    .append(contact.phone().isBlank() ? "" : ", phone " + contact.phone())
                    .append(" (contact ").append(contact.id()).append(')');
        }
        return out.toString();
    }

    private static String quote(String text) {
        String flat = text.strip();
        return flat.length() <= QUOTE ? flat : flat.substring(0, QUOTE) + " …";
    }

    @Override
    public Optional<TicketSystem> ticketSystem() {
        return Optional.of(system);
    }

    @Override
    public Optional<WebhookReader> webhooks() {
        return Optional.of(webhooks);
    }

    /** The PSA's companies, to map clients to and to import clients from. */
    @Override
    public Optional<Directory> directory() {
        return Optional.of(new Directory() {
            @Override
            public Page list(String search, Optional<String> cursor, int limit) {
                if (limit < 1 || limit > MAX_PAGE) {
                    throw new IllegalArgumentException("limit must be 1-" + MAX_PAGE);
                }
                return system.companies(search, cursor, limit);
            }

            @Override
            public Optional<Entry> get(String id) {
                return id.matches("[0-9]{1,18}") ? system.company(id) : Optional.empty();
            }
        });
    }

    @Override
    public String toString() {
        return "PsaConnection[" + system + "]";
    }
}
