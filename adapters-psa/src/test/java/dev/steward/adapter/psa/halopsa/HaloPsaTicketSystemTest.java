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
import dev.steward.application.port.psa.PsaNote;
import dev.steward.application.port.psa.PsaTicket;
import dev.steward.application.port.psa.TicketSystem;
import dev.steward.application.port.psa.TicketSystemContract;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.testkit.MutableClock;
import dev.steward.domain.problem.InvalidValue;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
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
        FAKE.reset();
        system = systemWith(FakeHaloPsa.CLIENT_SECRET);
    }

    /** As a technician would set it up: no token URL, outcomes by name, the instance's time zone. */
    private HaloPsaTicketSystem discovering(String replyOutcome, ZoneId zone) {
        HaloPsaSettings settings = new HaloPsaSettings(URI.create(WIREMOCK.baseUrl() + "/api/"), Optional.empty(),
                Optional.of(FakeHaloPsa.TENANT), FakeHaloPsa.CLIENT_ID, Secret.of("clientSecret",
                FakeHaloPsa.CLIENT_SECRET), "all", 2, "private note", replyOutcome, zone,
                new HttpSettings(Duration.ofSeconds(10), 3, Duration.ofSeconds(30), Duration.ofSeconds(1)));
        return new HaloPsaTicketSystem(settings, clock, PsaHttp.defaultClient(), sleeper);
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
    void theTokenUrlIsDiscoveredFromTheInstancesAuthinfo() {
        String id = aTicket();

        assertThat(discovering("Email User", ZoneOffset.UTC).ticket(id).id()).isEqualTo(id);
        assertThat(FAKE.requests()).filteredOn(r -> r.getUrl().startsWith("/identity/token")).last()
                .satisfies(r -> assertThat(r.getUrl()).isEqualTo("/identity/token?tenant=" + FakeHaloPsa.TENANT));
    }

    @Test
    void outcomesAreLookedUpByNameInTheInstancesOwnList() {
        HaloPsaTicketSystem named = discovering("email user", ZoneOffset.UTC);
        String id = aTicket();

        named.addInternalNote(id, "Checked the mailbox permissions");
        assertThat(lastActionPosted().get(0).get("outcome_id").asInt()).isEqualTo(FakeHaloPsa.PRIVATE_OUTCOME);
        named.addReply(id, "You have access now.");
        assertThat(lastActionPosted().get(0).get("outcome_id").asInt()).isEqualTo(FakeHaloPsa.EMAIL_OUTCOME);
    }

    @Test
    void anOutcomeTheApiAgentHasNoRightsToFailsTheConnectionCheckNamingIt() {
        FAKE.withdrawOutcome(FakeHaloPsa.EMAIL_OUTCOME);

        assertThatThrownBy(() -> discovering("Email User", ZoneOffset.UTC).checkConnection())
                .isInstanceOfSatisfying(InvalidValue.class, e -> {
                    assertThat(e.field()).isEqualTo("settings.replyOutcome");
                    assertThat(e.rule()).contains("no outcome 'Email User'").contains("Private Note");
                });
        assertThatThrownBy(() -> discovering("Send Survey", ZoneOffset.UTC).checkConnection()).as("unknown name")
                .isInstanceOf(InvalidValue.class).hasMessageContaining("no outcome 'Send Survey'");
        discovering("Change Request", ZoneOffset.UTC).checkConnection();
    }

    @Test
    void aReplyIsEmailedToTheTicketsUserAndOneWithoutAnAddressIsPostedNotEmailed() {
        String id = aTicket();
        assertThat(system.addReply(id, "You have access now.").delivery()).isEqualTo(PsaNote.Delivery.EMAILED);
        assertThat(lastActionPosted().get(0).get("emailto").asText()).isEqualTo("dana@contoso.example");
        assertThat(FAKE.emailsSent()).contains(id + " → dana@contoso.example");

        String anonymous = FAKE.seed(new TicketSeed(uniqueCompany(), "Alert: backup failed", "", "", base(), false));
        PsaNote posted = system.addReply(anonymous, "We are looking into it.");
        assertThat(posted.delivery().state()).isEqualTo(PsaNote.Delivery.State.POSTED_NOT_EMAILED);
        assertThat(lastActionPosted().get(0).get("sendemail").asBoolean()).isFalse();
    }

    @Test
    void pollingAsksHaloForTicketsLoggedSinceTheLastPassInsteadOfPagingThroughEveryOpenTicket() {
        String company = uniqueCompany();
        for (int i = 0; i < 7; i++) {
            FAKE.seed(new TicketSeed(company, "old open ticket " + i, "", "x@y.example",
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), false));
        }
        Instant since = Instant.parse("2032-01-01T00:00:00Z");
        FAKE.seed(new TicketSeed(company, "new ticket", "", "x@y.example", since.plusSeconds(5), false));
        int before = FAKE.requests().size();

        assertThat(system.newTickets(since)).extracting(PsaTicket::summary).containsExactly("new ticket");
        List<Request> asked = FAKE.requests().subList(before, FAKE.requests().size()).stream()
                .filter(r -> r.getUrl().startsWith("/api/Tickets?")).toList();
        assertThat(asked).as("one page holds what changed").hasSize(1).allSatisfy(r -> assertThat(r.getUrl())
                .contains("datesearch=dateoccurred").contains("startdate=2032-01-01T00%3A00%3A00"));
    }

    @Test
    void timesWithoutAnOffsetFollowTheInstancesTimeZone() {
        ZoneId newYork = ZoneId.of("America/New_York");
        FAKE.useTimeZone(newYork);
        Instant opened = Instant.parse("2026-11-22T14:30:00Z");
        String id = FAKE.seed(new TicketSeed(uniqueCompany(), "VPN drops", "", "x@y.example", opened, false));

        assertThat(discovering("Email User", newYork).ticket(id).createdAt()).isEqualTo(opened);
        assertThat(system.ticket(id).createdAt()).as("read as UTC it is five hours off")
                .isEqualTo(opened.minus(Duration.ofHours(5)));
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
