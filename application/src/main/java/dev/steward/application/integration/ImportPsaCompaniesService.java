package dev.steward.application.integration;

import dev.steward.application.client.ClientLookup;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.port.store.IdGenerator;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.provider.LiveIntegrations;
import dev.steward.application.spi.Directory;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.ClientName;
import dev.steward.domain.client.PsaMapping;
import dev.steward.domain.client.Slug;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class ImportPsaCompaniesService implements ImportPsaCompaniesUseCase {

    private final CommandValidator validator;
    private final IntegrationRepository integrations;
    private final LiveIntegrations live;
    private final ClientRepository clients;
    private final MspRepository msps;
    private final IdGenerator ids;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    @Inject
    public ImportPsaCompaniesService(CommandValidator validator, IntegrationRepository integrations,
                                     LiveIntegrations live, ClientRepository clients, MspRepository msps,
                                     IdGenerator ids, Clock clock, UnitOfWork unitOfWork) {
        this.validator = validator;
        this.integrations = integrations;
        this.live = live;
        this.clients = clients;
        this.msps = msps;
        this.ids = ids;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public List<ImportedCompany> importCompanies(ImportPsaCompaniesCommand command) {
        validator.check(command).throwIfAny();
        Integration psa = unitOfWork.inTransaction(() -> {
            ClientLookup.requireMsp(msps, command.msp());
            return IntegrationLookup.require(integrations, command.msp(), command.integration());
        });
        Directory companies = live.connection(psa.id()).filter(c -> c.ticketSystem().isPresent())
                .flatMap(IntegrationConnection::directory).filter(d -> psa.client().isEmpty())
                .orElseThrow(() -> Conflict.of("integration.not-a-psa", "integration " + psa.kind()
                        + " is not a connected PSA with companies to import (or is not connected right now)"));
        List<ImportedCompany> results = new ArrayList<>();
        for (int i = 0; i < command.rows().size(); i++) {
            results.add(importRow(command.msp(), psa.kind(), companies, "rows[" + i + "]", command.rows().get(i)));
        }
        return List.copyOf(results);
    }

    private ImportedCompany importRow(MspId msp, String kind, Directory companies, String row,
                                      ImportPsaCompaniesCommand.Row chosen) {
        String companyId = chosen.companyId() == null ? "" : chosen.companyId().strip();
        PsaMapping mapping;
        try {
            mapping = new PsaMapping(kind, companyId);
        } catch (InvalidValue e) {
            return ImportedCompany.refused(companyId, new FieldViolation(row + ".companyId", row
                    + ".companyId.invalid", e.rule()));
        }
        Optional<Client> already = unitOfWork.inTransaction(() -> clients.findByPsaMapping(msp, mapping));
        if (already.isPresent()) {
            return ImportedCompany.alreadyAClient(companyId, already.get());
        }
        // read before the unit of work: no transaction waits on the PSA
        Optional<Directory.Entry> company = companies.get(companyId);
        if (company.isEmpty()) {
            return ImportedCompany.refused(companyId, new FieldViolation(row + ".companyId", row
                    + ".companyId.unknown", "is not a company " + kind + " lists for import"));
        }
        String label = company.get().label().strip();
        ClientName name;
        Slug slug;
        try {
            name = ClientName.trimmed(label.isEmpty() ? "Company " + companyId
                    : label.length() > ClientName.MAX_LENGTH ? label.substring(0, ClientName.MAX_LENGTH) : label);
            slug = chosen.slug() == null || chosen.slug().isBlank()
                    ? ImportPsaCompaniesUseCase.suggestedSlug(companyId, label)
                    : Slug.of(chosen.slug().strip());
        } catch (InvalidValue e) {
            return ImportedCompany.refused(companyId, new FieldViolation(row + "." + e.field(),
                    row + "." + e.code(), e.rule()));
        }
        try {
            Client stored = unitOfWork.inTransaction(() -> {
                ClientLookup.requireMsp(msps, msp);
                return clients.add(Client.register(new ClientId(ids.next()), msp, name, slug, clock.instant())
                        .withPsaMapping(Optional.of(mapping)));
            });
            return ImportedCompany.created(companyId, stored);
        } catch (Conflict conflict) {
            if (conflict.code().equals("psaMapping.taken")) {
                // a concurrent import or mapping won: the company is a client now, which is what was asked
                Optional<Client> winner = unitOfWork.inTransaction(() -> clients.findByPsaMapping(msp, mapping));
                if (winner.isPresent()) {
                    return ImportedCompany.alreadyAClient(companyId, winner.get());
                }
            }
            String field = conflict.field().orElse("slug");
            return ImportedCompany.refused(companyId, new FieldViolation(row + "." + field, row + "."
                    + conflict.code(), conflict.getMessage()));
        }
    }
}
