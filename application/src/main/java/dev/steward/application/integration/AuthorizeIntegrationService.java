package dev.steward.application.integration;

import dev.steward.application.client.ClientLookup;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.port.integration.PendingAuthorization;
import dev.steward.application.port.integration.PendingAuthorizations;
import dev.steward.application.port.integration.SecretVault;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.Violations;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.application.provider.LiveIntegrations;
import dev.steward.application.security.SecretTokens;
import dev.steward.application.spi.AuthorizationFlow;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.application.spi.ProviderContext;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

public final class AuthorizeIntegrationService implements AuthorizeIntegrationUseCase {

    /** How long a person has to authorize at the authorization server and come back. */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private static final int MAX_SHOWN = 200;

    private final CommandValidator validator;
    private final IntegrationKinds kinds;
    private final IntegrationRepository integrations;
    private final ClientRepository clients;
    private final MspRepository msps;
    private final PendingAuthorizations pending;
    private final ConnectIntegrationUseCase connect;
    private final RefreshIntegrationToolsUseCase refresh;
    private final LiveIntegrations live;
    private final SecretVault vault;
    private final ProviderContext context;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    @Inject
    public AuthorizeIntegrationService(CommandValidator validator, IntegrationKinds kinds,
                                       IntegrationRepository integrations, ClientRepository clients,
                                       MspRepository msps, PendingAuthorizations pending,
                                       ConnectIntegrationUseCase connect, RefreshIntegrationToolsUseCase refresh,
                                       LiveIntegrations live, SecretVault vault, ProviderContext context,
                                       Clock clock, UnitOfWork unitOfWork) {
        this.refresh = refresh;
        this.live = live;
        this.vault = vault;
        this.validator = validator;
        this.kinds = kinds;
        this.integrations = integrations;
        this.clients = clients;
        this.msps = msps;
        this.pending = pending;
        this.connect = connect;
        this.context = context;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public AuthorizationStarted begin(BeginAuthorizationCommand command) {
        Violations violations = validator.check(command);
        IntegrationScope scope = command.client() != null && command.client().isPresent()
                ? IntegrationScope.CLIENT : IntegrationScope.MSP;
        IntegrationKind kind = command.kind() == null || command.kind().isBlank() ? null
                : violations.attempt(() -> kinds.require(command.kind(), scope));
        AuthorizationFlow flow = kind == null ? null : violations.attempt(() -> kinds.provider(command.kind())
                .flatMap(p -> p.authorizationFlow()).orElseThrow(() -> InvalidValue.of("kind", "no-authorization",
                        command.kind() + " is not authorized in the browser: connect it with its settings and"
                                + " secrets")));
        IntegrationSettings values = null;
        if (kind != null && command.settings() != null && command.secrets() != null) {
            values = new IntegrationSettings(ConnectIntegrationService.given(command.settings()),
                    ConnectIntegrationService.given(command.secrets()));
            for (InvalidValue problem : kind.check(values.settings(), values.secrets())) {
                violations.add(new FieldViolation(problem.field(), problem.code(), problem.rule()));
            }
        }
        violations.throwIfAny();
        unitOfWork.inTransaction(() -> {
            ClientLookup.requireMsp(msps, command.msp());
            Optional<ClientId> owner = command.client()
                    .map(slug -> ClientLookup.require(clients, command.msp(), slug)).map(Client::id);
            ConnectIntegrationService.requireNotConnected(integrations, command.msp(), owner, command.kind());
            return owner;
        });
        return started(flow, command.msp(), command.client(), command.kind(), values, command.redirectUri(),
                Optional.empty());
    }

    @Override
    public AuthorizationStarted beginAgain(MspId msp, String id, String redirectUri) {
        Integration integration = unitOfWork.inTransaction(() -> IntegrationLookup.require(integrations, msp, id));
        AuthorizationFlow flow = kinds.provider(integration.kind()).flatMap(p -> p.authorizationFlow())
                .orElseThrow(() -> InvalidValue.of("integration", "no-authorization", integration.kind()
                        + " is not authorized in the browser"));
        IntegrationSettings values = vault.reveal(msp, integration.id()).orElseThrow(() -> new NotFound(
                "integration", id));
        Optional<String> client = integration.client().map(c -> unitOfWork.inTransaction(() -> clients.find(c))
                .map(found -> found.slug().value()).orElseThrow(() -> new NotFound("integration", id)));
        return started(flow, msp, client, integration.kind(), values, redirectUri, Optional.of(integration.id()));
    }

    private AuthorizationStarted started(AuthorizationFlow flow, MspId msp, Optional<String> client, String kind,
                                         IntegrationSettings values, String redirectUri,
                                         Optional<IntegrationId> integration) {
        String state = SecretTokens.newToken("");
        AuthorizationFlow.Started started = flow.begin(values, redirectUri, state, context);
        Instant expiresAt = clock.instant().plus(LIFETIME);
        pending.save(new PendingAuthorization(state, msp, client, kind, started.pending(), redirectUri, expiresAt,
                integration));
        return new AuthorizationStarted(started.authorizationUrl(), expiresAt);
    }

    @Override
    public IntegrationDetails complete(CompleteAuthorizationCommand command) {
        String state = command.state() == null ? "" : command.state().strip();
        PendingAuthorization started = state.isEmpty() || !SecretTokens.plausible(state) ? null
                : pending.take(state, clock.instant()).filter(p -> p.msp().equals(command.msp())).orElse(null);
        if (started == null) {
            throw InvalidValue.of("state", "unknown", "names no authorization this MSP started, or one finished or"
                    + " expired already (it lasts " + LIFETIME.toMinutes() + " minutes): start again");
        }
        if (command.error().filter(e -> !e.isBlank()).isPresent()) {
            throw InvalidValue.of("error", "refused", "the authorization server gave no code: "
                    + shown(command.error().get()) + command.errorDescription().filter(d -> !d.isBlank())
                    .map(d -> " (" + shown(d) + ")").orElse("") + "; nothing was connected");
        }
        String code = command.code().map(String::strip).filter(c -> !c.isEmpty())
                .orElseThrow(() -> InvalidValue.of("code", "required", "the authorization server sent no code"));
        AuthorizationFlow flow = kinds.provider(started.kind()).flatMap(p -> p.authorizationFlow())
                .orElseThrow(() -> InvalidValue.of("kind", "no-authorization", started.kind()
                        + " is no longer authorized in the browser"));
        IntegrationSettings authorized = flow.complete(started.values(), code, started.redirectUri(), context);
        if (started.integration().isPresent()) {
            return renewed(started.msp(), started.integration().get(), authorized);
        }
        return connect.connect(new ConnectIntegrationCommand(started.msp(), started.client(), started.kind(),
                authorized.settings(), authorized.secrets()));
    }

    /**
     * The connected integration with its new authorization: a connection opened with the new values replaces the
     * live one, the values are stored, and its tools are listed again (its policies kept).
     */
    private IntegrationDetails renewed(MspId msp, IntegrationId id, IntegrationSettings authorized) {
        Integration integration = unitOfWork.inTransaction(() -> integrations.find(msp, id))
                .orElseThrow(() -> InvalidValue.of("state", "unknown", "names an integration that was disconnected"
                        + " meanwhile; nothing was connected"));
        IntegrationConnection connection = live.open(integration, authorized);
        try {
            unitOfWork.run(() -> vault.store(msp, id, authorized));
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        live.register(integration, connection);
        return refresh.refresh(msp, id.toString());
    }

    /** Text from another system, safe to show: no control characters, and not too long. */
    private static String shown(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", " ").strip();
        return printable.length() > MAX_SHOWN ? printable.substring(0, MAX_SHOWN) + "…" : printable;
    }
}
