package dev.steward.adapter.psa.common;

import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.integration.ToolParameter.Type;
import java.util.List;

/**
 * The tools every PSA kind offers, named {@code <kind>:<tool>}: reads (a ticket, its notes, the people of the
 * client's company) and writes (an internal note, a reply the requester sees, a status change). Each acts only on the
 * calling client's own PSA company ({@link PsaConnection} checks it).
 */
public final class PsaTools {

    /** The longest note or reply text a tool takes (Autotask's limit, the smallest of the three). */
    public static final int MAX_TEXT = 32_000;

    static final String GET_TICKET = "get-ticket";
    static final String LIST_NOTES = "list-notes";
    static final String ADD_INTERNAL_NOTE = "add-internal-note";
    static final String REPLY_TO_REQUESTER = "reply-to-requester";
    static final String UPDATE_STATUS = "update-status";
    static final String FIND_CONTACT = "find-contact";
    static final String LIST_COMPANY_CONTACTS = "list-company-contacts";

    private static final ToolParameter TICKET = ToolParameter.required("ticket", Type.STRING,
            "The PSA's ticket id (digits), e.g. 4711").matching("[0-9]{1,18}");
    private static final ToolParameter TEXT = ToolParameter.required("text", Type.STRING, "Plain text")
            .atMost(MAX_TEXT);

    private PsaTools() {
    }

    public static List<Tool> of(String kind) {
        return List.of(
                Tool.readOnly(kind + ":" + GET_TICKET, "Reads a ticket: summary, description, requester, status")
                        .taking(TICKET),
                Tool.readOnly(kind + ":" + LIST_NOTES, "Reads a ticket's notes, oldest first, internal ones included")
                        .taking(TICKET),
                Tool.write(kind + ":" + ADD_INTERNAL_NOTE, "Adds a note only the MSP's technicians see")
                        .taking(TICKET, TEXT),
                Tool.write(kind + ":" + REPLY_TO_REQUESTER, "Adds a reply the requester sees (portal, e-mail)")
                        .taking(TICKET, TEXT),
                Tool.write(kind + ":" + UPDATE_STATUS, "Moves a ticket to the status with this name (as the PSA "
                        + "lists it for the ticket's board or queue, ignoring case)")
                        .taking(TICKET, ToolParameter.required("status", Type.STRING, "The status name, e.g. "
                                + "In Progress").atMost(100)),
                Tool.readOnly(kind + ":" + FIND_CONTACT, "Finds the client's contact with this e-mail address")
                        .taking(ToolParameter.required("email", Type.STRING, "An e-mail address, e.g. "
                                + "dana@contoso.example").matching("[^@\\s\"]{1,64}@[^@\\s\"]{1,190}").atMost(254)),
                Tool.readOnly(kind + ":" + LIST_COMPANY_CONTACTS, "Lists the active contacts of the client's company"));
    }
}
