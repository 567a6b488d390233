package dev.steward.adapter.psa.connectwise;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.steward.adapter.psa.common.PsaWebhookReaders;
import dev.steward.adapter.psa.common.Signatures;
import dev.steward.application.port.WebhookDelivery;
import dev.steward.application.port.WebhookVerdict;
import dev.steward.application.testkit.Fixtures;
import dev.steward.application.testkit.PsaWebhooksContract;
import dev.steward.domain.msp.MspId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ConnectWise callbacks: signature through key_url, refused when forged or when the key_url is foreign. */
class ConnectWiseWebhooksTest extends PsaWebhooksContract {

    private static final FakeConnectWise FAKE = new FakeConnectWise();

    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(FAKE)).build();

    private final MspId msp = Fixtures.uniqueMspId();
    private PsaWebhookReaders webhooks;

    @BeforeEach
    void connect() {
        WIREMOCK.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(FAKE.getName())));
        Map<String, String> settings = Map.of("apiBase", WIREMOCK.baseUrl() + FakeConnectWise.PREFIX,
                "companyId", FakeConnectWise.COMPANY, "publicKey", FakeConnectWise.PUBLIC_KEY,
                "privateKey", FakeConnectWise.PRIVATE_KEY, "clientId", FakeConnectWise.CLIENT_ID);
        ConnectWiseTicketSystemFactory factory = new ConnectWiseTicketSystemFactory();
        webhooks = new PsaWebhookReaders().register(msp, "connectwise",
                factory.webhookReader(settings, factory.create(settings, Clock.systemUTC())));
    }

    private String body(String ticketId, String action, String keyUrl) {
        return "{\"MessageId\":\"6d2b\",\"FromUrl\":\"https://cw.local\",\"CompanyId\":\"acmemsp\","
                + "\"MemberId\":\"helpdesk-agent\",\"Action\":\"" + action + "\",\"Type\":\"ticket\",\"ID\":" + ticketId
                + ",\"Entity\":\"{\\\"id\\\":" + ticketId + "}\",\"Metadata\":{\"key_url\":\"" + keyUrl + "\"},"
                + "\"CallbackObjectRecId\":7}";
    }

    private static WebhookDelivery signed(String body, String signingKey) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new WebhookDelivery(Map.of("x-content-signature",
                Signatures.base64Hmac("HmacSHA256", Signatures.sha256(signingKey), bytes)), bytes);
    }

    private String keyUrl() {
        return WIREMOCK.baseUrl() + FakeConnectWise.KEY_PATH;
    }

    @Override
    protected Subject subject() {
        return new Subject(webhooks, msp, "connectwise");
    }

    @Override
    protected WebhookDelivery authenticDeliveryAbout(String ticketId) {
        return signed(body(ticketId, "updated", keyUrl()), FakeConnectWise.SIGNING_KEY);
    }

    @Override
    protected WebhookDelivery forgedDeliveryAbout(String ticketId) {
        return signed(body(ticketId, "updated", keyUrl()), "a guessed key");
    }

    @Test
    void aKeyUrlOnAnotherHostIsRefusedWithoutFetchingIt() {
        WebhookDelivery delivery = signed(body("51001", "added", "https://attacker.example/key"), "theirs");

        assertThat(webhooks.read(msp, "connectwise", delivery)).isInstanceOfSatisfying(WebhookVerdict.Reject.class,
                r -> assertThat(r.reason()).contains("key_url"));
    }

    @Test
    void aDeletedTicketIsIgnored() {
        assertThat(webhooks.read(msp, "connectwise", signed(body("51001", "deleted", keyUrl()),
                FakeConnectWise.SIGNING_KEY))).isInstanceOf(WebhookVerdict.Ignore.class);
    }

    @Test
    void aTamperedBodyIsRefused() {
        WebhookDelivery good = authenticDeliveryAbout("51001");
        WebhookDelivery tampered = new WebhookDelivery(good.headers(),
                new String(good.body(), StandardCharsets.UTF_8).replace("51001", "51002")
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(webhooks.read(msp, "connectwise", tampered)).isInstanceOf(WebhookVerdict.Reject.class);
    }
}
