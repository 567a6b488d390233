package dev.steward.application.psa;

import dev.steward.application.client.ClientDetails;
import dev.steward.application.client.ClientLookup;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.psa.TicketSystems;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.Violations;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.PsaMapping;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.util.Optional;

public final class MapClientToPsaService implements MapClientToPsaUseCase {

    private final CommandValidator validator;
    private final ClientRepository clients;
    private final MspRepository msps;
    private final UnitOfWork unitOfWork;

    private final TicketSystems psas;

    @Inject
    public MapClientToPsaService(CommandValidator validator, ClientRepository clients, MspRepository msps,
                                 UnitOfWork unitOfWork, TicketSystems psas) {
        this.validator = validator;
        this.clients = clients;
        this.msps = msps;
        this.unitOfWork = unitOfWork;
        this.psas = psas;
    }

    @Override
    public boolean canMapTo(MspId msp, String kind) {
        return psas.connected(msp, kind);
    }

    @Override
    public ClientDetails map(MapClientToPsaCommand command) {
        Violations violations = validator.check(command);
        Optional<PsaMapping> mapping = mappingOf(command, violations);
        violations.throwIfAny();
        return unitOfWork.inTransaction(() -> {
            Msp msp = ClientLookup.requireMsp(msps, command.msp());
            mapping.flatMap(m -> clients.findByPsaMapping(msp.id(), m))
                    .filter(other -> !other.slug().value().equals(command.slug()))
                    .ifPresent(other -> {
                        throw Conflict.onField("psaMapping.taken", "companyId", "company " + mapping.get().companyId()
                                + " of " + mapping.get().integrationKind() + " is already client '"
                                + other.slug().value() + "'");
                    });
            Client stored = ClientLookup.change(clients, msp.id(), command.slug(), command.expectedVersion(),
                    client -> client.withPsaMapping(mapping));
            return new ClientDetails(stored, stored.effectiveMode(msp.defaultMode()));
        });
    }

    private static Optional<PsaMapping> mappingOf(MapClientToPsaCommand command, Violations violations) {
        boolean noKind = command.integrationKind() == null || command.integrationKind().isBlank();
        boolean noCompany = command.companyId() == null || command.companyId().isBlank();
        if (noKind && noCompany) {
            return Optional.empty();
        }
        if (noKind) {
            violations.add(new FieldViolation("integrationKind", "integrationKind.required",
                    "is required with a company id"));
        }
        if (noCompany) {
            violations.add(new FieldViolation("companyId", "companyId.required", "is required with a PSA"));
        }
        if (noKind || noCompany) {
            return Optional.empty();
        }
        return Optional.ofNullable(violations.attempt(
                () -> new PsaMapping(command.integrationKind().strip(), command.companyId().strip())));
    }
}
