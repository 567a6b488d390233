package dev.steward.application.integration;

import dev.steward.application.client.ClientLookup;
import dev.steward.application.port.ClientRepository;
import dev.steward.application.port.IdGenerator;
import dev.steward.application.port.IntegrationRepository;
import dev.steward.application.port.IntegrationSettings;
import dev.steward.application.port.MspRepository;
import dev.steward.application.port.SecretVault;
import dev.steward.application.port.UnitOfWork;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.Violations;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.IntegrationScope;
import dev.steward.domain.problem.InvalidValue;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

public final class ConnectIntegrationService implements ConnectIntegrationUseCase {

    private final CommandValidator validator;
    private final IntegrationKinds kinds;
    private final IntegrationRepository integrations;
    private final SecretVault vault;
    private final ClientRepository clients;
    private final MspRepository msps;
    private final IdGenerator ids;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    @Inject
    public ConnectIntegrationService(CommandValidator validator, IntegrationKinds kinds,
                                     IntegrationRepository integrations, SecretVault vault, ClientRepository clients,
                                     MspRepository msps, IdGenerator ids, Clock clock, UnitOfWork unitOfWork) {
        this.validator = validator;
        this.kinds = kinds;
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
        IntegrationKinds.Offered offered = command.kind() == null || command.kind().isBlank() ? null
                : violations.attempt(() -> kinds.require(command.kind(), scope));
        IntegrationSettings values = null;
        if (offered != null && command.settings() != null && command.secrets() != null) {
            for (InvalidValue problem : offered.kind().check(given(command.settings()), given(command.secrets()))) {
                violations.add(new FieldViolation(problem.field(), problem.code(), problem.rule()));
            }
            values = new IntegrationSettings(given(command.settings()), given(command.secrets()));
        }
        violations.throwIfAny();
        IntegrationKind kind = offered.kind();
        IntegrationSettings checked = values;
        AtomicReference<Integration> activated = new AtomicReference<>();
        try {
            return unitOfWork.inTransaction(() -> {
                ClientLookup.requireMsp(msps, command.msp());
                Optional<ClientId> client = command.client()
                        .map(slug -> ClientLookup.require(clients, command.msp(), slug)).map(Client::id);
                Instant now = clock.instant();
                Integration stored = integrations.add(Integration.connect(new IntegrationId(ids.next()),
                        command.msp(), client, kind.name(), kind.tools(), kind.curatedDefaults(), now));
                vault.store(stored.msp(), stored.id(), checked);
                IntegrationLookup.reconfigureAgents(clients, stored, "integration " + kind.name() + " connected", now);
                // last, so that a refusal by the adapter undoes everything above with the unit of work
                offered.catalog().activate(stored, checked);
                activated.set(stored);
                return IntegrationLookup.details(stored, kinds, clients, vault);
            });
        } catch (RuntimeException e) {
            if (activated.get() != null) {
                offered.catalog().deactivate(activated.get());
            }
            throw e;
        }
    }

    /** The values given, without the absent ones (a JSON null or an empty optional field means "not given"). */
    private static Map<String, String> given(Map<String, String> values) {
        Map<String, String> given = new HashMap<>();
        values.forEach((key, value) -> {
            if (key != null && value != null && !value.isEmpty()) {
                given.put(key, value);
            }
        });
        return given;
    }
}
