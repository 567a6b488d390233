package dev.steward.application.ticket;

import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.psa.PsaTicket;
import dev.steward.application.port.psa.TicketSystem;
import dev.steward.application.port.psa.TicketSystems;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.msp.Msp;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** Lists the PSA's new tickets and hands each to the one intake entry, exactly as a webhook would. */
public final class PollTicketsService implements PollTicketsUseCase {

    private final CommandValidator validator;
    private final MspRepository msps;
    private final TicketSystems ticketSystems;
    private final IntakeTicketUseCase intake;

    @Inject
    public PollTicketsService(CommandValidator validator, MspRepository msps, TicketSystems ticketSystems,
                              IntakeTicketUseCase intake) {
        this.validator = validator;
        this.msps = msps;
        this.ticketSystems = ticketSystems;
        this.intake = intake;
    }

    @Override
    public List<IntakeResult> poll(PollTicketsCommand command) {
        validator.check(command).throwIfAny();
        Msp msp = msps.find(command.msp()).orElseThrow(() -> new NotFound("msp", command.msp().toString()));
        TicketSystem psa = ticketSystems.of(msp.id(), command.integrationKind());
        List<IntakeResult> results = new ArrayList<>();
        for (PsaTicket ticket : psa.newTickets(command.since())) {
            results.add(intake.intake(new IntakeTicketCommand(msp.id(), psa.kind(), ticket.id())));
        }
        return List.copyOf(results);
    }
}
