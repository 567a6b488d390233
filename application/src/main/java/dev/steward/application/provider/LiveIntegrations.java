package dev.steward.application.provider;

import dev.steward.application.port.agent.ToolExecutor;
import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.port.psa.PsaWebhooks;
import dev.steward.application.port.psa.TicketSystem;
import dev.steward.application.port.psa.TicketSystems;
import dev.steward.application.port.psa.WebhookDelivery;
import dev.steward.application.port.psa.WebhookVerdict;
import dev.steward.application.port.verification.IdentityPushes;
import dev.steward.application.problem.NotFound;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.application.spi.ProviderContext;
import dev.steward.application.spi.ToolCall;
import dev.steward.application.spi.ToolResult;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.verification.IdentityVerification;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The control plane's open connections, one per connected integration, each opened by its kind's provider. Through
 * them it finds an MSP's PSA ({@link TicketSystems}), checks that PSA's webhook deliveries ({@link PsaWebhooks}), runs
 * tool calls ({@link ToolExecutor}) — a call runs on the live integration of the call's MSP, MSP-wide or the call's
 * client's own, whose connection offers the tool; nothing else can run it — and pushes identity checks through the
 * MSP's verification integration ({@link IdentityPushes}).
 */
public final class LiveIntegrations implements TicketSystems, PsaWebhooks, ToolExecutor, IdentityPushes {

    private static final System.Logger LOG = System.getLogger(LiveIntegrations.class.getName());

    private record Live(Integration integration, IntegrationConnection connection) {}

    private final IntegrationKinds kinds;
    private final ProviderContext context;
    private final Map<IntegrationId, Live> live = new ConcurrentHashMap<>();
    private final List<Consumer<IntegrationId>> toolListeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<Integration, IntegrationSettings>> secretListeners = new CopyOnWriteArrayList<>();

    @Inject
    public LiveIntegrations(IntegrationKinds kinds, ProviderContext context) {
        this.kinds = kinds;
        this.context = context;
    }

    /**
     * Has the integration's provider check the values against the live system and connect; the connection is not
     * used until {@link #register}ed.
     *
     * @throws dev.steward.domain.problem.InvalidValue naming the value the provider or its system refused
     * @throws NotFound ({@code integration kind}) if no installed provider offers the integration's kind
     */
    public IntegrationConnection open(Integration integration, IntegrationSettings values) {
        IntegrationProvider provider = kinds.provider(integration.kind())
                .orElseThrow(() -> new NotFound("integration kind", integration.kind()));
        return provider.connect(integration, values, context);
    }

    /**
     * Has the provider connect an integration whose values were checked when it was stored (a restart): the provider
     * may skip its live check, so a system that is down for a moment does not stay unused.
     *
     * @throws dev.steward.domain.problem.InvalidValue naming a stored value the provider cannot use
     * @throws NotFound ({@code integration kind}) if no installed provider offers the integration's kind
     */
    public IntegrationConnection reopen(Integration integration, IntegrationSettings values) {
        IntegrationProvider provider = kinds.provider(integration.kind())
                .orElseThrow(() -> new NotFound("integration kind", integration.kind()));
        return provider.reconnect(integration, values, context);
    }

    /**
     * Uses {@code connection} for the integration from now on, closing the one it replaces; registering the same
     * connection again (its integration's tools or policies changed) only updates the integration.
     */
    public void register(Integration integration, IntegrationConnection connection) {
        Live before = live.put(integration.id(), new Live(integration, connection));
        if (before != null && before.connection() == connection) {
            return;
        }
        if (before != null) {
            close(before);
        }
        connection.onToolsChanged(() -> {
            if (live.get(integration.id()) != null && live.get(integration.id()).connection() == connection) {
                toolListeners.forEach(listener -> listener.accept(integration.id()));
            }
        });
        connection.onSecretsRenewed(values -> {
            Live current = live.get(integration.id());
            if (current != null && current.connection() == connection) {
                secretListeners.forEach(listener -> listener.accept(current.integration(), values));
            }
        });
    }

    /**
     * Runs {@code listener} with an integration and its values whenever its live connection renewed a secret on its
     * own (an OAuth access token refreshed before it expired).
     */
    public void whenSecretsRenewed(BiConsumer<Integration, IntegrationSettings> listener) {
        secretListeners.add(listener);
    }

    /** Runs {@code listener} with an integration's id whenever its live connection's tools changed on their own. */
    public void whenToolsChange(Consumer<IntegrationId> listener) {
        toolListeners.add(listener);
    }

    /** Stops using the integration and closes its connection; succeeds if it is not live. */
    public void disconnect(IntegrationId integration) {
        Live removed = live.remove(integration);
        if (removed != null) {
            close(removed);
        }
    }

    /** The integration as it was registered, while it is live. */
    public Optional<Integration> integration(IntegrationId integration) {
        return Optional.ofNullable(live.get(integration)).map(Live::integration);
    }

    /** The integration's connection, while it is live. */
    public Optional<IntegrationConnection> connection(IntegrationId integration) {
        return Optional.ofNullable(live.get(integration)).map(Live::connection);
    }

    @Override
    public TicketSystem of(MspId msp, String kind) {
        return mspWide(msp, kind).flatMap(l -> l.connection().ticketSystem())
                .orElseThrow(() -> new NotFound("ticket system", kind));
    }

    @Override
    public WebhookVerdict read(MspId msp, String kind, WebhookDelivery delivery) {
        return mspWide(msp, kind).flatMap(l -> l.connection().webhooks()).map(reader -> reader.read(delivery))
                .orElseGet(() -> new WebhookVerdict.Reject("no " + kind
                        + " integration with webhooks is connected for this MSP"));
    }

    @Override
    public ToolResult execute(ToolCall call) {
        return live.values().stream()
                .filter(l -> l.integration().msp().equals(call.msp())
                        && l.integration().client().map(call.client()::equals).orElse(true))
                .filter(l -> l.connection().tools().stream().anyMatch(t -> t.name().equals(call.tool())))
                .findFirst()
                .orElseThrow(() -> new NotFound("tool", call.tool().value()))
                .connection().execute(call);
    }

    @Override
    public Optional<String> available(MspId msp) {
        return verifierOf(msp).map(l -> l.integration().kind());
    }

    @Override
    public IdentityVerification.Result push(MspId msp, String requester, String context) {
        Live verifier = verifierOf(msp).orElseThrow(() -> new NotFound("identity verification", msp.toString()));
        return verifier.connection().identityVerifier().orElseThrow().verify(requester, context);
    }

    private Optional<Live> verifierOf(MspId msp) {
        return live.values().stream().filter(l -> l.integration().msp().equals(msp)
                        && l.integration().client().isEmpty() && l.connection().identityVerifier().isPresent())
                .min(java.util.Comparator.comparing(l -> l.integration().kind()));
    }

    private Optional<Live> mspWide(MspId msp, String kind) {
        Stream<Live> candidates = live.values().stream().filter(l -> l.integration().msp().equals(msp)
                && l.integration().client().isEmpty() && l.integration().kind().equals(kind));
        return candidates.findFirst();
    }

    private static void close(Live gone) {
        try {
            gone.connection().close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "closing the connection of integration {0} ({1}) failed: {2}",
                    gone.integration().id(), gone.integration().kind(), e.getClass().getSimpleName());
        }
    }
}
