package dev.steward.adapter.psa.common;

import dev.steward.application.port.PsaWebhooks;
import dev.steward.application.port.WebhookDelivery;
import dev.steward.application.port.WebhookVerdict;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link PsaWebhooks} over the connected PSAs' readers: whoever connects an MSP's PSA registers its reader (built by
 * the kind's {@link TicketSystemFactory#webhookReader}). A delivery for an MSP or kind without a reader is rejected.
 */
public final class PsaWebhookReaders implements PsaWebhooks {

    private record Key(MspId msp, String kind) {}

    private final Map<Key, WebhookReader> readers = new ConcurrentHashMap<>();

    @Inject
    public PsaWebhookReaders() {
    }

    public PsaWebhookReaders register(MspId msp, String kind, WebhookReader reader) {
        readers.put(new Key(msp, kind), reader);
        return this;
    }

    /** Stops reading the MSP's deliveries of {@code kind}: they are rejected from now on. */
    public void unregister(MspId msp, String kind) {
        readers.remove(new Key(msp, kind));
    }

    @Override
    public WebhookVerdict read(MspId msp, String kind, WebhookDelivery delivery) {
        WebhookReader reader = readers.get(new Key(msp, kind));
        if (reader == null) {
            return new WebhookVerdict.Reject("no " + kind + " integration with webhooks is connected for this MSP");
        }
        return reader.read(delivery);
    }
}
