package dev.steward.application.port.psa;

import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.stability.Stable;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/**
 * One MSP's PSA (ConnectWise Manage, HaloPSA, Autotask …), already holding its credentials. Rules every
 * implementation keeps ({@code TicketSystemContract} checks each):
 * <ul>
 *   <li>A method whose {@link PsaCapability} is not in {@link #capabilities()} throws {@link UnsupportedCapability}
 *       naming it and changes nothing.</li>
 *   <li>An unknown ticket id is {@link NotFound} ({@code ticket}), never an empty ticket.</li>
 *   <li>An internal note is never visible to the requester; a reply always is.</li>
 *   <li>Outside-system trouble is a {@link PortFailure}: retryable for throttling (after bounded retries), timeouts
 *       and server errors; permanent for rejected credentials, refused requests and malformed answers.</li>
 *   <li>Text goes to the PSA as written; credentials never appear in messages or logs.</li>
 * </ul>
 */
@Stable
public interface TicketSystem {

    /** The integration kind, lower-kebab, e.g. {@code connectwise}, {@code halopsa}, {@code autotask}. */
    String kind();

    /** What this system can do; a fresh set the caller may keep. */
    EnumSet<PsaCapability> capabilities();

    /**
     * Open tickets created at or after {@code since}, oldest first, each once, across every page the PSA returns.
     * ({@link PsaCapability#POLL_NEW_TICKETS})
     */
    List<PsaTicket> newTickets(Instant since);

    /** The ticket as it is now. ({@link PsaCapability#READ_TICKETS}) @throws NotFound if there is no such ticket */
    PsaTicket ticket(String ticketId);

    /**
     * The ticket's notes, oldest first, each with its author as far as the PSA tells it: technicians with their
     * e-mail address where the PSA has one (that is how a technician's {@code approve} note is matched to a Steward
     * user), contacts as contacts. ({@link PsaCapability#READ_TICKETS}) @throws NotFound for an unknown ticket
     */
    List<PsaNote> notes(String ticketId);

    /**
     * Adds a note only technicians see. ({@link PsaCapability#INTERNAL_NOTES})
     *
     * @return the stored note, visibility {@link PsaNote.Visibility#INTERNAL}
     * @throws NotFound for an unknown ticket
     */
    PsaNote addInternalNote(String ticketId, String text);

    /**
     * Adds a reply the requester sees, sent the way this PSA notifies the requester (e-mail) where it has one.
     * ({@link PsaCapability#PUBLIC_REPLIES})
     *
     * @return visibility PUBLIC; its {@link PsaNote#delivery()} says whether the requester was e-mailed, or that the
     *     reply was only posted and why
     */
    PsaNote addReply(String ticketId, String text);

    /**
     * Adds a comment asking the MSP's technicians to approve a planned action; the requester does not see it.
     * ({@link PsaCapability#APPROVAL_COMMENTS}) @return visibility INTERNAL
     */
    PsaNote addApprovalRequest(String ticketId, String text);

    /**
     * Moves the ticket to the status with this label (matched case-insensitively against the PSA's own list).
     * ({@link PsaCapability#STATUS_UPDATES})
     *
     * @throws NotFound ({@code ticket status}) if the PSA has no status with that label, or the ticket is unknown
     */
    void updateStatus(String ticketId, String statusLabel);
}
