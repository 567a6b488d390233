package dev.steward.application.client;

import dev.steward.application.port.client.ClientQuery;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.Violations;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.Msp;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

public final class ListClientsService implements ListClientsUseCase {

    private final CommandValidator validator;
    private final ClientRepository clients;
    private final MspRepository msps;

    @Inject
    public ListClientsService(CommandValidator validator, ClientRepository clients, MspRepository msps) {
        this.validator = validator;
        this.clients = clients;
        this.msps = msps;
    }

    @Override
    public ClientPage list(ListClientsQuery query) {
        Violations violations = validator.check(query);
        Optional<AgentStatus> status = query.status() == null || query.status().isEmpty() ? Optional.empty()
                : Optional.ofNullable(violations.attempt(() -> AgentStatus.parse("status", query.status())));
        Optional<Slug> after = query.after() == null || query.after().isEmpty() ? Optional.empty()
                : Optional.ofNullable(violations.attempt("after", () -> Slug.of(query.after())));
        violations.throwIfAny();
        Msp msp = ClientLookup.requireMsp(msps, query.msp());
        Optional<String> search = Optional.ofNullable(query.search()).map(String::strip).filter(s -> !s.isEmpty());
        // one extra row tells whether a next page exists without a count query
        List<Client> rows = clients.list(new ClientQuery(msp.id(), status, search, after,
                query.limit() + 1));
        boolean more = rows.size() > query.limit();
        List<Client> page = more ? rows.subList(0, query.limit()) : rows;
        List<ClientDetails> items = page.stream()
                .map(c -> new ClientDetails(c, c.effectiveMode(msp.defaultMode())))
                .toList();
        return new ClientPage(items, more ? Optional.of(page.getLast().slug().value()) : Optional.empty());
    }
}
