package dev.steward.adapter.psa;

import dev.steward.adapter.psa.autotask.AutotaskTicketSystemFactory;
import dev.steward.adapter.psa.common.Signatures;
import dev.steward.adapter.psa.connectwise.ConnectWiseTicketSystemFactory;
import dev.steward.adapter.psa.halopsa.HaloPsaTicketSystemFactory;
import dev.steward.application.port.TicketSystems;
import dev.steward.application.port.WebhookDelivery;
import dev.steward.application.testkit.Fixtures;
import dev.steward.application.testkit.PsaWebhooksContract;
import dev.steward.application.testkit.TicketSystemsContract;
import dev.steward.domain.msp.MspId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Nested;

class ConnectedPsasTest extends TicketSystemsContract {

    private static final Map<String, String> AUTOTASK = Map.of("userName", "api@acmemsp.example",
            "integrationCode", "TRACKING-ID-1", "secret", "at-secret", "webhookSecret", "hook-secret");

    private final ConnectedPsas psas = new ConnectedPsas(Map.of("connectwise", new ConnectWiseTicketSystemFactory(),
            "halopsa", new HaloPsaTicketSystemFactory(), "autotask", new AutotaskTicketSystemFactory()),
            Clock.systemUTC());

    @Override
    protected TicketSystems systems() {
        return psas;
    }

    @Override
    protected MspId anMspWithAConnectedPsa() {
        MspId msp = Fixtures.uniqueMspId();
        psas.connect(msp, connectedKind(), AUTOTASK);
        return msp;
    }

    @Override
    protected String connectedKind() {
        return "autotask";
    }

    @Nested
    class AsPsaWebhooks extends PsaWebhooksContract {

        private final MspId msp = anMspWithAConnectedPsa();

        private WebhookDelivery delivery(String ticketId, String key) {
            byte[] body = ("{\"Action\":\"Update\",\"EntityType\":\"Ticket\",\"Id\":" + ticketId + "}")
                    .getBytes(StandardCharsets.UTF_8);
            return new WebhookDelivery(Map.of("X-Hook-Signature", Signatures.base64Hmac("HmacSHA1",
                    key.getBytes(StandardCharsets.UTF_8), body)), body);
        }

        @Override
        protected Subject subject() {
            return new Subject(psas, msp, "autotask");
        }

        @Override
        protected WebhookDelivery authenticDeliveryAbout(String ticketId) {
            return delivery(ticketId, "hook-secret");
        }

        @Override
        protected WebhookDelivery forgedDeliveryAbout(String ticketId) {
            return delivery(ticketId, "guess");
        }
    }
}
