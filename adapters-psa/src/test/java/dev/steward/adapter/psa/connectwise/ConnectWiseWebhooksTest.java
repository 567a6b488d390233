package dev.steward.adapter.psa.connectwise;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.steward.adapter.psa.common.LivePsa;
import dev.steward.adapter.psa.common.Signatures;
import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.port.psa.PsaWebhooks;
import dev.steward.application.port.psa.PsaWebhooksContract;
import dev.steward.application.port.psa.WebhookDelivery;
import dev.steward.application.port.psa.WebhookVerdict;
import dev.steward.application.spi.ProviderContext;
import dev.steward.application.testkit.Fixtures;
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

    private MspId msp;
    private PsaWebhooks webhooks;

    @BeforeEach
    void connect() {
        WIREMOCK.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(FAKE.getName())));
        LivePsa psa = LivePsa.connect(new ConnectWiseProvider(), settings(), SECRETS);
        msp = psa.msp();
        webhooks = psa.live();
    }

    private static final Map<String, String> SECRETS = Map.of("privateKey", FakeConnectWise.PRIVATE_KEY, "clientId",
            FakeConnectWise.CLIENT_ID);

    private static Map<String, String> settings() {
        return Map.of("apiBase", WIREMOCK.baseUrl() + FakeConnectWise.PREFIX, "companyId", FakeConnectWise.COMPANY,
                "publicKey", FakeConnectWise.PUBLIC_KEY);
    }

    /** A reader of its own, to look at its key cache. */
    private static ConnectWiseWebhookReader reader() {
        LivePsa psa = LivePsa.connect(new ConnectWiseProvider(), settings(), SECRETS);
        return (ConnectWiseWebhookReader) new ConnectWiseProvider().connect(psa.integration(),
                new IntegrationSettings(settings(), SECRETS), ProviderContext.defaults(Clock.systemUTC()))
                .webhooks().orElseThrow();
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

    /** The review's reproduction: a key_url on the right host but another API path made Steward fetch it, signed in. */
    @Test
    void aKeyUrlOnTheConfiguredHostButAnotherPathIsRefusedWithoutFetchingIt() {
        WIREMOCK.resetRequests();
        for (String path : new String[] {FakeConnectWise.PREFIX + "company/companies",
                FakeConnectWise.PREFIX + "service/tickets?conditions=id>0",
                "/v4_6_release/apis/callback/key/../../3.0/service/tickets",
                "/v4_6_release/apis/callback/key/%2e%2e/x", "/v4_6_release/apis/callback/key/abc123#x",
                "/v4_6_release/system/callbackkey/index.rails?id=a&x=/service/tickets"}) {
            WebhookDelivery delivery = signed(body("51001", "added", WIREMOCK.baseUrl() + path), "theirs");

            assertThat(webhooks.read(msp, "connectwise", delivery)).as(path)
                    .isInstanceOf(WebhookVerdict.Reject.class);
        }
        assertThat(WIREMOCK.getAllServeEvents()).as("nothing was fetched (discovering the codebase needs no key)")
                .allSatisfy(e -> {
                    assertThat(e.getRequest().getUrl()).startsWith("/login/companyinfo/");
                    assertThat(e.getRequest().getHeader("Authorization")).isNull();
                });
    }

    @Test
    void theOtherKnownKeyPathShapeIsAccepted() {
        WIREMOCK.stubFor(get(urlPathMatching("/v4_6_release//?system/callbackkey/index\\.rails")).atPriority(1)
                .willReturn(okJson("{\"signing_key\":\"rails-key\"}")));
        String url = WIREMOCK.baseUrl() + "/v4_6_release//system/callbackkey/index.rails?id=k-42";

        assertThat(webhooks.read(msp, "connectwise", signed(body("51001", "added", url), "rails-key")))
                .isInstanceOf(WebhookVerdict.AboutTicket.class);
    }

    /** The same refusal, with nothing of ConnectWise's answer, when the key cannot be fetched (no 503 oracle). */
    @Test
    void aKeyThatCannotBeFetchedIsAnOrdinaryRejectionWithoutConnectWisesText() {
        WIREMOCK.stubFor(get(urlPathMatching("/v4_6_release/apis/callback/key/broken")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("{\"message\":\"internal detail 1234\"}")));
        WebhookDelivery delivery = signed(body("51001", "added", WIREMOCK.baseUrl()
                + "/v4_6_release/apis/callback/key/broken"), "theirs");

        assertThat(webhooks.read(msp, "connectwise", delivery)).isInstanceOfSatisfying(WebhookVerdict.Reject.class,
                r -> assertThat(r.reason()).doesNotContain("internal detail").doesNotContain("500"));
    }

    @Test
    void theFetchedKeyCacheIsBounded() {
        WIREMOCK.stubFor(get(urlPathMatching("/v4_6_release/apis/callback/key/k[0-9]+")).atPriority(1)
                .willReturn(okJson("{\"signing_key\":\"" + FakeConnectWise.SIGNING_KEY + "\"}")));
        ConnectWiseWebhookReader reader = reader();
        for (int i = 0; i < ConnectWiseWebhookReader.MAX_CACHED_KEYS + 10; i++) {
            String url = WIREMOCK.baseUrl() + "/v4_6_release/apis/callback/key/k" + i;
            assertThat(reader.read(signed(body("51001", "added", url), FakeConnectWise.SIGNING_KEY)))
                    .isInstanceOf(WebhookVerdict.AboutTicket.class);
        }

        assertThat(reader.cachedKeys()).isEqualTo(ConnectWiseWebhookReader.MAX_CACHED_KEYS);
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
