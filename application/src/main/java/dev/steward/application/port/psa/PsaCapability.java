package dev.steward.application.port.psa;

/**
 * What a {@link TicketSystem} can do. A PSA adapter declares its capabilities; calling a method whose capability is
 * not declared fails with {@link UnsupportedCapability} naming it, never silently.
 */
public enum PsaCapability {
    /** {@link TicketSystem#newTickets}: poll for open tickets created since a point in time. */
    POLL_NEW_TICKETS,
    /** {@link TicketSystem#ticket} and {@link TicketSystem#notes}: read a ticket and its notes. */
    READ_TICKETS,
    /** {@link TicketSystem#addInternalNote}: a note the requester never sees. */
    INTERNAL_NOTES,
    /** {@link TicketSystem#addReply}: a reply visible to the requester. */
    PUBLIC_REPLIES,
    /** {@link TicketSystem#addApprovalRequest}: a comment asking the technicians to approve a planned action. */
    APPROVAL_COMMENTS,
    /** {@link TicketSystem#updateStatus}: move the ticket to a status named by its label. */
    STATUS_UPDATES
}
