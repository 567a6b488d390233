package dev.steward.application.integration;

import dev.steward.application.client.ClientLookup;
import dev.steward.application.port.client.ClientMappings;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.Violations;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.application.provider.LiveIntegrations;
import dev.steward.application.spi.Directory;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.ClientMapping;
import dev.steward.domain.integration.Integration;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

public final class MapClientService implements MapClientUseCase {

    private final CommandValidator validator;
    private final ClientRepository clients;
    private final MspRepository msps;
    private final IntegrationRepository integrations;
    private final IntegrationKinds kinds;
    private final LiveIntegrations live;
    private final ClientMappings mappings;
    private final UnitOfWork unitOfWork;

    @Inject
    public MapClientService(CommandValidator validator, ClientRepository clients, MspRepository msps,
                            IntegrationRepository integrations, IntegrationKinds kinds, LiveIntegrations live,
                            ClientMappings mappings, UnitOfWork unitOfWork) {
        this.validator = validator;
        this.clients = clients;
        this.msps = msps;
        this.integrations = integrations;
        this.kinds = kinds;
        this.live = live;
        this.mappings = mappings;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Optional<ClientMapping> map(MapClientCommand command) {
        Violations violations = validator.check(command);
        if (command.externalId() != null && command.externalId().isPresent()) {
            String id = command.externalId().get();
            if (id.isBlank()) {
                violations.add(new FieldViolation("externalId", "externalId.required",
                        "is required (DELETE removes the mapping)"));
            } else if (id.length() > ClientMapping.MAX_ID) {
                violations.add(new FieldViolation("externalId", "externalId.too-long",
                        "must be at most " + ClientMapping.MAX_ID + " characters"));
            }
        }
        violations.throwIfAny();
        Client client = unitOfWork.inTransaction(() -> {
            ClientLookup.requireMsp(msps, command.msp());
            return ClientLookup.require(clients, command.msp(), command.slug());
        });
        // the directory is read before the unit of work: no transaction waits on an outside system
        Optional<Directory.Entry> entry = command.externalId().map(id -> {
            Integration integration = ClientMappingLookup.integrationOf(integrations, kinds, client, command.kind())
                    .orElseThrow(() -> invalid("kind", "kind.unknown", "names no integration with a directory that "
                            + "serves this client (connect one first; the kinds with a directory are listed under "
                            + "the client's mappings)"));
            Directory directory = ClientMappingLookup.directoryOf(live, integration);
            return directory.get(id.strip()).orElseThrow(() -> invalid("externalId", "externalId.unknown",
                    "is not an entry of the " + command.kind() + " directory (browse it for the ids)"));
        });
        return unitOfWork.inTransaction(() -> {
            Optional<ClientMapping> current = mappings.find(command.msp(), client.id(), command.kind());
            command.expectedExternalId().ifPresent(expected -> {
                String now = current.map(ClientMapping::externalId).orElse("");
                if (!expected.equals(now)) {
                    throw Conflict.of("version.stale", "the " + command.kind() + " mapping of client '"
                            + command.slug() + "' was changed by someone else; reload and try again");
                }
            });
            if (entry.isEmpty()) {
                mappings.remove(command.msp(), client.id(), command.kind());
                return Optional.empty();
            }
            return Optional.of(mappings.save(new ClientMapping(command.msp(), client.id(), command.kind(),
                    entry.get().id(), entry.get().label())));
        });
    }

    private static InvalidCommand invalid(String field, String code, String rule) {
        return new InvalidCommand(List.of(new FieldViolation(field, code, rule)));
    }
}
