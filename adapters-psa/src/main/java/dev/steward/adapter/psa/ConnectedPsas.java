package dev.steward.adapter.psa;

import dev.steward.adapter.psa.common.PsaWebhookReaders;
import dev.steward.adapter.psa.common.TicketSystemFactory;
import dev.steward.application.port.PsaWebhooks;
import dev.steward.application.port.TicketSystem;
import dev.steward.application.port.TicketSystems;
import dev.steward.application.port.WebhookDelivery;
import dev.steward.application.port.WebhookVerdict;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MSPs' connected PSAs, built from their settings by the factory of their kind: the {@link TicketSystems} the
 * core asks for tickets, and the {@link PsaWebhooks} that check their deliveries. Whoever holds an integration's
 * settings and secrets (connecting it, or loading it at start) calls {@link #connect}; connecting again replaces it.
 */
public final class ConnectedPsas implements TicketSystems, PsaWebhooks {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectedPsas.class);

    private record Key(MspId msp, String kind) {}

    private final Map<String, TicketSystemFactory> factories;
    private final Clock clock;
    private final Map<Key, TicketSystem> systems = new ConcurrentHashMap<>();
    private final PsaWebhookReaders webhooks = new PsaWebhookReaders();

    @Inject
    public ConnectedPsas(Map<String, TicketSystemFactory> factories, Clock clock) {
        this.factories = Map.copyOf(factories);
        this.clock = clock;
    }

    /**
     * Builds and registers the MSP's PSA of {@code kind}. Webhooks are read only when the webhook settings are given;
     * without them the PSA is polled.
     *
     * @throws InvalidValue naming the kind (with the known ones) or the setting that is missing or malformed
     */
    public TicketSystem connect(MspId msp, String kind, Map<String, String> settings) {
        TicketSystemFactory factory = factories.get(kind);
        if (factory == null) {
            throw InvalidValue.of("kind", "unknown", "must be one of " + new TreeSet<>(factories.keySet()));
        }
        TicketSystem system = factory.create(settings, clock);
        try {
            webhooks.register(msp, kind, factory.webhookReader(settings, system));
        } catch (InvalidValue noWebhooks) {
            LOG.info("{} webhooks for MSP {} are off ({}); the PSA is polled", kind, msp, noWebhooks.getMessage());
            webhooks.register(msp, kind, delivery -> new WebhookVerdict.Reject(
                    kind + " webhooks are not configured for this MSP (" + noWebhooks.getMessage() + ")"));
        }
        systems.put(new Key(msp, kind), system);
        return system;
    }

    /** Forgets the MSP's PSA of {@code kind}: no tickets are read from it and its webhooks are rejected. */
    public void disconnect(MspId msp, String kind) {
        systems.remove(new Key(msp, kind));
        webhooks.unregister(msp, kind);
    }

    /** The PSA kinds that can be connected, each with what it needs to connect. */
    public Map<String, TicketSystemFactory> factories() {
        return factories;
    }

    @Override
    public TicketSystem of(MspId msp, String kind) {
        TicketSystem system = systems.get(new Key(msp, kind));
        if (system == null) {
            throw new NotFound("ticket system", kind);
        }
        return system;
    }

    @Override
    public WebhookVerdict read(MspId msp, String kind, WebhookDelivery delivery) {
        return webhooks.read(msp, kind, delivery);
    }
}
