package dev.steward.adapter.psa.halopsa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.steward.adapter.psa.common.HttpSettings;
import dev.steward.adapter.psa.common.Json;
import dev.steward.adapter.psa.common.PsaFailureContract;
import dev.steward.adapter.psa.common.PsaHttp;
import dev.steward.adapter.psa.common.RecordingSleeper;
import dev.steward.adapter.psa.common.Secret;
import dev.steward.application.port.TicketSystem;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.testkit.MutableClock;
import dev.steward.application.testkit.TicketSystemContract;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HaloPsaTicketSystemTest extends TicketSystemContract {

    private static final FakeHaloPsa FAKE = new FakeHaloPsa();

    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(FAKE)).build();

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final MutableClock clock = MutableClock.startingAt("2026-11-22T10:00:00Z");
    private HaloPsaTicketSystem system;

    @BeforeEach
    void stubTheApi() {
        WIREMOCK.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(FAKE.getName())));
        system = systemWith(FakeHaloPsa.CLIENT_SECRET);
    }

    private HaloPsaTicketSystem systemWith(String clientSecret) {
        return systemWith(clientSecret, Duration.ofSeconds(10));
    }

    private HaloPsaTicketSystem systemWith(String clientSecret, Duration timeout) {
        URI root = URI.create(WIREMOCK.baseUrl() + "/");
        HaloPsaSettings settings = new HaloPsaSettings(root.resolve("api/"),
                root.resolve("auth/token?tenant=" + FakeHaloPsa.TENANT), FakeHaloPsa.CLIENT_ID,
                Secret.of("clientSecret", clientSecret), "all", 2, FakeHaloPsa.PRIVATE_OUTCOME,
                FakeHaloPsa.EMAIL_OUTCOME,
                new HttpSettings(timeout, 3, Duration.ofSeconds(30), Duration.ofSeconds(1)));
        return new HaloPsaTicketSystem(settings, clock, PsaHttp.defaultClient(), sleeper);
    }

    @Override
    protected TicketSystem system() {
        return system;
    }

    @Override
    protected String seed(TicketSeed ticket) {
        return FAKE.seed(ticket);
    }

    @Override
    protected boolean seedNote(String ticketId, NoteSeed note) {
        FAKE.write(ticketId, note);
        return true;
    }

    private String aTicket() {
        return FAKE.seed(new TicketSeed(uniqueCompany(), "Cannot access shared mailbox", "Since this morning",
                "dana@contoso.example", base(), false));
    }

    private JsonNode lastActionPosted() {
        List<Request> posts = FAKE.requests().stream()
                .filter(r -> r.getUrl().startsWith("/api/Actions") && r.getMethod().getName().equals("POST")).toList();
        return Json.parse("test", posts.getLast().getBodyAsString());
    }

    @Test
    void anInternalNoteIsAHiddenActionWithTheInternalOutcomeAndNoEmail() {
        system.addInternalNote(aTicket(), "Diagnosis: <missing> group membership");

        JsonNode body = lastActionPosted();
        assertThat(body.isArray()).as("Halo POST bodies are arrays").isTrue();
        assertThat(body.get(0).get("hiddenfromuser").asBoolean()).isTrue();
        assertThat(body.get(0).get("sendemail").asBoolean()).isFalse();
        assertThat(body.get(0).get("outcome_id").asInt()).isEqualTo(FakeHaloPsa.PRIVATE_OUTCOME);
        assertThat(body.get(0).get("note_html").asText()).isEqualTo("<p>Diagnosis: &lt;missing&gt; group membership</p>");
    }

    @Test
    void aReplyIsAVisibleActionThatEmailsTheUser() {
        system.addReply(aTicket(), "You have access now.");

        JsonNode body = lastActionPosted().get(0);
        assertThat(body.get("hiddenfromuser").asBoolean()).isFalse();
        assertThat(body.get("sendemail").asBoolean()).isTrue();
        assertThat(body.get("outcome_id").asInt()).isEqualTo(FakeHaloPsa.EMAIL_OUTCOME);
    }

    @Test
    void oneTokenServesManyCallsUntilItIsAboutToExpire() {
        String id = aTicket();
        int before = FAKE.tokensIssued();
        system.ticket(id);
        system.notes(id);
        system.ticket(id);
        assertThat(FAKE.tokensIssued()).isEqualTo(before + 1);

        clock.advance(Duration.ofMinutes(59).plusSeconds(1));
        system.ticket(id);
        assertThat(FAKE.tokensIssued()).as("renewed a minute before expiry").isEqualTo(before + 2);
    }

    @Test
    void aTokenTheApiRejectsIsRenewedOnceAndTheCallSucceeds() {
        String id = aTicket();
        system.ticket(id);
        systemWith(FakeHaloPsa.CLIENT_SECRET).ticket(id);
        int before = FAKE.tokensIssued();

        assertThat(system.ticket(id).id()).as("the stub honours only the newest token").isEqualTo(id);
        assertThat(FAKE.tokensIssued()).isEqualTo(before + 1);
    }

    @Test
    void pollingReadsEveryPageUpToTheRecordCount() {
        String company = uniqueCompany();
        Instant since = Instant.parse("2030-01-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            FAKE.seed(new TicketSeed(company, "ticket " + i, "", "x@y.example", since.plusSeconds(i), false));
        }

        assertThat(system.newTickets(since)).filteredOn(t -> t.companyId().equals(company)).hasSize(5);
        assertThat(FAKE.requests()).filteredOn(r -> r.getUrl().startsWith("/api/Tickets?"))
                .allSatisfy(r -> assertThat(r.getUrl()).contains("pageinate=true").contains("page_size=2"));
    }

    @Test
    void aRejectedClientSecretIsAPermanentFailureThatDoesNotShowIt() {
        String id = aTicket();
        assertThatThrownBy(() -> systemWith("wrong-secret").ticket(id))
                .isInstanceOfSatisfying(PortFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessageContaining("HTTP 401").hasMessageNotContaining("wrong-secret");
    }

    @Nested
    class WhenTheApiMisbehaves extends PsaFailureContract {
        @Override
        protected Target target() {
            return new Target(() -> system, () -> systemWith(FakeHaloPsa.CLIENT_SECRET, Duration.ofMillis(300)),
                    HaloPsaTicketSystemTest.this::aTicket, WIREMOCK, sleeper,
                    urlPathMatching("/api/(Tickets|Actions).*"));
        }
    }
}
