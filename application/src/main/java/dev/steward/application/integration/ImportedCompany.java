package dev.steward.application.integration;

import dev.steward.application.problem.FieldViolation;
import dev.steward.domain.client.Client;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What importing one chosen company did: created its client, found the client it already is (nothing created), or
 * refused it (each problem names its row's field, e.g. {@code rows[2].slug}; nothing created).
 */
public record ImportedCompany(String companyId, Outcome outcome, Optional<Client> client,
                              List<FieldViolation> problems) {

    public enum Outcome { CREATED, ALREADY_A_CLIENT, REFUSED }

    public ImportedCompany {
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(client, "client");
        problems = List.copyOf(problems);
        if ((outcome == Outcome.REFUSED) == problems.isEmpty() || (outcome == Outcome.REFUSED) == client.isPresent()) {
            throw new IllegalArgumentException("a refused row has problems and no client; any other has a client");
        }
    }

    static ImportedCompany created(String companyId, Client client) {
        return new ImportedCompany(companyId, Outcome.CREATED, Optional.of(client), List.of());
    }

    static ImportedCompany alreadyAClient(String companyId, Client client) {
        return new ImportedCompany(companyId, Outcome.ALREADY_A_CLIENT, Optional.of(client), List.of());
    }

    static ImportedCompany refused(String companyId, FieldViolation problem) {
        return new ImportedCompany(companyId, Outcome.REFUSED, Optional.empty(), List.of(problem));
    }
}
