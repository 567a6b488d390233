package dev.steward.application.ticket;

import java.util.List;

/**
 * Takes in every open ticket created since a point in time, oldest first, as {@link IntakeTicketUseCase} would one
 * by one; tickets already handled come back as {@link IntakeResult.AlreadyHandled}, so polling overlapping windows
 * is safe. A failure on one ticket stops the poll there (later tickets are picked up by the next poll).
 */
public interface PollTicketsUseCase {

    List<IntakeResult> poll(PollTicketsCommand command);
}
