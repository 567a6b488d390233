package dev.steward.application.port.psa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.port.psa.PsaWebhooks;
import dev.steward.application.port.psa.WebhookDelivery;
import dev.steward.application.port.psa.WebhookVerdict;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.msp.MspId;
import org.junit.jupiter.api.Test;

/** Every {@link PsaWebhooks} must pass this. */
public abstract class PsaWebhooksContract {

    /** The implementation, and an MSP whose PSA of {@code kind} is connected with webhooks. */
    public record Subject(PsaWebhooks webhooks, MspId msp, String kind) {}

    protected abstract Subject subject();

    private PsaWebhooks webhooks() {
        return subject().webhooks();
    }

    private MspId msp() {
        return subject().msp();
    }

    private String kind() {
        return subject().kind();
    }

    /** A delivery the PSA would send about {@code ticketId}, correctly signed. */
    protected abstract WebhookDelivery authenticDeliveryAbout(String ticketId);

    /** The same delivery with a signature or secret that does not match. */
    protected abstract WebhookDelivery forgedDeliveryAbout(String ticketId);

    @Test
    void readsTheTicketOfAnAuthenticDelivery() {
        assertThat(webhooks().read(msp(), kind(), authenticDeliveryAbout("51001")))
                .isInstanceOfSatisfying(WebhookVerdict.AboutTicket.class,
                        t -> assertThat(t.ticketId()).isEqualTo("51001"));
    }

    @Test
    void rejectsAForgedDelivery() {
        assertThat(webhooks().read(msp(), kind(), forgedDeliveryAbout("51001")))
                .isInstanceOf(WebhookVerdict.Reject.class);
    }

    @Test
    void rejectsADeliveryForAnotherMspOrAKindThatIsNotConnected() {
        WebhookDelivery delivery = authenticDeliveryAbout("51001");
        assertThat(webhooks().read(Fixtures.uniqueMspId(), kind(), delivery)).isInstanceOf(WebhookVerdict.Reject.class);
        assertThat(webhooks().read(msp(), "not-connected", delivery)).isInstanceOf(WebhookVerdict.Reject.class);
    }
}
