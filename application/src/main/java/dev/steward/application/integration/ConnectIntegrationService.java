package dev.steward.application.integration;

import dev.steward.application.client.ClientLookup;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.port.integration.SecretVault;
import dev.steward.application.port.store.IdGenerator;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.Violations;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.application.provider.LiveIntegrations;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.IntegrationScope;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

public final class ConnectIntegrationService implements ConnectIntegrationUseCase {

    private static final System.Logger LOG = System.getLogger(ConnectIntegrationService.class.getName());

    private final CommandValidator validator;
    private final IntegrationKinds kinds;
    private final LiveIntegrations live;
    private final IntegrationRepository integrations;
    private final SecretVault vault;
    private final ClientRepository clients;
    private final MspRepository msps;
    private final IdGenerator ids;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    @Inject
    public ConnectIntegrationService(CommandValidator validator, IntegrationKinds kinds, LiveIntegrations live,
                                     IntegrationRepository integrations, SecretVault vault, ClientRepository clients,
                                     MspRepository msps, IdGenerator ids, Clock clock, UnitOfWork unitOfWork) {
        this.validator = validator;
        this.kinds = kinds;
        this.live = live;
        this.integrations = integrations;
        this.vault = vault;
        this.clients = clients;
        this.msps = msps;
        this.ids = ids;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public IntegrationDetails connect(ConnectIntegrationCommand command) {
        Violations violations = validator.check(command);
        IntegrationScope scope = command.client() != null && command.client().isPresent()
                ? IntegrationScope.CLIENT : IntegrationScope.MSP;
        IntegrationKind offered = command.kind() == null || command.kind().isBlank() ? null
                : violations.attempt(() -> kinds.require(command.kind(), scope));
        IntegrationSettings values = null;
        if (offered != null && command.settings() != null && command.secrets() != null) {
            for (InvalidValue problem : offered.check(given(command.settings()), given(command.secrets()))) {
                violations.add(new FieldViolation(problem.field(), problem.code(), problem.rule()));
            }
            values = new IntegrationSettings(given(command.settings()), given(command.secrets()));
        }
        violations.throwIfAny();
        IntegrationKind kind = offered;
        String name = command.kind(); // the kind's name, or for an MCP server mcp:<server>
        Optional<ClientId> client = unitOfWork.inTransaction(() -> {
            ClientLookup.requireMsp(msps, command.msp());
            Optional<ClientId> owner = command.client()
                    .map(slug -> ClientLookup.require(clients, command.msp(), slug)).map(Client::id);
            requireNotConnected(integrations, command.msp(), owner, name);
            return owner;
        });
        Integration draft = Integration.connect(new IntegrationId(ids.next()), command.msp(), client, name,
                kind.tools(), kind.curatedDefaults(), clock.instant());
        // the provider checks the values against the live system before anything is stored
        IntegrationConnection connection = live.open(draft, values);
        // what connecting registered at the system (a webhook's id, its generated secret) is stored with the values
        IntegrationSettings checked = connection.valuesToStore().orElse(values);
        try {
            Integration integration = draft.offering(connection.tools(), kind.curatedDefaults());
            Integration stored = unitOfWork.inTransaction(() -> {
                Integration added = integrations.add(integration);
                vault.store(added.msp(), added.id(), checked);
                IntegrationLookup.reconfigureAgents(clients, added, "integration " + name + " connected",
                        clock.instant());
                return added;
            });
            live.register(stored, connection);
            return IntegrationLookup.shown(stored, kinds, clients, vault, integrations, live);
        } catch (RuntimeException e) {
            undo(connection, name);
            throw e;
        }
    }

    /** Nothing half-saved: what connecting registered at the system goes again when storing it failed. */
    private static void undo(IntegrationConnection connection, String name) {
        try {
            connection.removeRegistrations();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "connecting {0} failed, and what it registered at the system could "
                    + "not be removed: {1}", name, e.getMessage());
        } finally {
            connection.close();
        }
    }

    /**
     * @throws Conflict ({@code integration.exists}) if the scope has the kind already, or for a client's MCP server,
     *     if the MSP has one of that name MSP-wide
     */
    static void requireNotConnected(IntegrationRepository integrations, MspId msp, Optional<ClientId> owner,
                                    String name) {
        if (integrations.list(msp, owner).stream().anyMatch(i -> i.kind().equals(name))
                // a client's server and an MSP-wide one of the same name would offer the same tool names
                || (owner.isPresent() && name.contains(":") && integrations.list(msp, Optional.empty())
                        .stream().anyMatch(i -> i.kind().equals(name)))) {
            throw Conflict.of("integration.exists", name + " is already connected here");
        }
    }

    /** The values given, without the absent ones (a JSON null or an empty optional field means "not given"). */
    static Map<String, String> given(Map<String, String> values) {
        Map<String, String> given = new HashMap<>();
        values.forEach((key, value) -> {
            if (key != null && value != null && !value.isEmpty()) {
                given.put(key, value);
            }
        });
        return given;
    }
}
