package dev.steward.adapter.psa.autotask;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.steward.adapter.psa.common.HttpSettings;
import dev.steward.adapter.psa.common.Json;
import dev.steward.adapter.psa.common.PsaFailureContract;
import dev.steward.adapter.psa.common.PsaHttp;
import dev.steward.adapter.psa.common.RecordingSleeper;
import dev.steward.adapter.psa.common.Secret;
import dev.steward.adapter.psa.common.Signatures;
import dev.steward.application.port.psa.PsaTicket;
import dev.steward.application.port.psa.TicketSystem;
import dev.steward.application.port.psa.TicketSystemContract;
import dev.steward.application.port.psa.WebhookDelivery;
import dev.steward.application.port.psa.WebhookVerdict;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.testkit.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AutotaskTicketSystemTest extends TicketSystemContract {

    private static final FakeAutotask FAKE = new FakeAutotask();

    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(FAKE)).build();

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final MutableClock clock = MutableClock.startingAt("2026-11-22T10:00:00Z");
    private AutotaskTicketSystem system;

    @BeforeEach
    void stubTheApi() {
        WIREMOCK.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(FAKE.getName())));
        system = systemWith(FakeAutotask.USER, FakeAutotask.SECRET);
    }

    private AutotaskTicketSystem systemWith(String user, String secret) {
        return systemWith(user, secret, Duration.ofSeconds(10));
    }

    private AutotaskTicketSystem systemWith(String user, String secret, Duration timeout) {
        return systemWith(user, FakeAutotask.INTEGRATION_CODE, secret, timeout, AutotaskSettings.DEFAULT_HOURLY_LIMIT);
    }

    private AutotaskTicketSystem systemWith(String user, String integrationCode, String secret, Duration timeout,
                                            int hourlyLimit) {
        AutotaskSettings settings = new AutotaskSettings(URI.create(WIREMOCK.baseUrl() + "/atservicesrest/"), user,
                integrationCode, Secret.of("secret", secret), 2, "Internal Only", "All Autotask Users",
                "Task Notes", "Complete", "Steward", hourlyLimit, false, List.of("Customer"),
                new HttpSettings(timeout, 3, Duration.ofSeconds(30), Duration.ofSeconds(1)));
        return new AutotaskTicketSystem(settings, clock, PsaHttp.defaultClient(), sleeper);
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
        return FAKE.seed(new TicketSeed(uniqueCompany(), "New starter needs M365 licence", "Please set up Sam Lee",
                "sam@contoso.example", base(), false));
    }

    @Test
    void anInternalNoteUsesThePublishValueLabelledInternalOnlyInThisTenant() {
        String id = aTicket();
        system.addInternalNote(id, "Plan: create user, assign E3");

        ObjectNode note = FAKE.notesOf(Long.parseLong(id)).getLast();
        assertThat(note.get("publish").asInt()).as("publish 1 would be visible to all users here").isEqualTo(2);
        assertThat(note.get("noteType").asInt()).isEqualTo(1);
        assertThat(note.get("description").asText()).isEqualTo("Plan: create user, assign E3");
    }

    @Test
    void notesGoToTheTicketsChildCollection() {
        String id = aTicket();
        system.addReply(id, "Done");

        assertThat(FAKE.requests()).filteredOn(r -> r.getMethod().getName().equals("POST"))
                .extracting(Request::getUrl).contains("/atservicesrest/v1.0/Tickets/" + id + "/Notes")
                .noneMatch(u -> u.contains("/TicketNotes"));
    }

    @Test
    void discoversTheZoneOnceAndSendsTheThreeAuthHeaders() {
        String id = aTicket();
        int zoneCallsBefore = zoneCalls();
        system.ticket(id);
        system.ticket(id);

        assertThat(zoneCalls()).isEqualTo(zoneCallsBefore + 1);
        Request last = FAKE.requests().getLast();
        assertThat(last.getHeader("ApiIntegrationCode")).isEqualTo(FakeAutotask.INTEGRATION_CODE);
        assertThat(last.getHeader("UserName")).isEqualTo(FakeAutotask.USER);
        assertThat(last.getHeader("Secret")).isEqualTo(FakeAutotask.SECRET);
        assertThat(zoneRequests().getLast().getHeader("Secret")).as("the zone lookup needs no secret").isNull();
    }

    private List<Request> zoneRequests() {
        return FAKE.requests().stream().filter(r -> r.getUrl().contains("zoneInformation")).toList();
    }

    private int zoneCalls() {
        return zoneRequests().size();
    }

    @Test
    void pollingFollowsNextPageUrlUntilItIsNull() {
        String company = uniqueCompany();
        Instant since = Instant.parse("2030-01-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            FAKE.seed(new TicketSeed(company, "ticket " + i, "", "x@y.example", since.plusSeconds(i), false));
        }
        long before = FAKE.requests().stream().filter(r -> r.getUrl().contains("Tickets/query/next")).count();

        assertThat(system.newTickets(since)).filteredOn(t -> t.companyId().equals(company)).hasSize(5);
        List<Request> next = FAKE.requests().stream().filter(r -> r.getUrl().contains("Tickets/query/next"))
                .skip(before).toList();
        assertThat(next).hasSize(2).allSatisfy(r -> {
            assertThat(r.getMethod().getName()).as("Autotask refuses a GET of a POST query's next page")
                    .isEqualTo("POST");
            assertThat(Json.MAPPER.readTree(r.getBodyAsString()).path("filter")).as("the same filter")
                    .hasSize(2);
        });
    }

    @Test
    void aTicketsRequesterIsItsContactsEmailAddressReadOnceForEveryTicketOfTheContact() {
        String company = uniqueCompany();
        String first = FAKE.seed(new TicketSeed(company, "Printer jammed", "", "sam.lee@contoso.example", base(), false));
        String second = FAKE.seed(new TicketSeed(company, "Printer again", "", "sam.lee@contoso.example", base(),
                false));

        int before = FAKE.requests().size();
        assertThat(system.ticket(first).requester()).isEqualTo("sam.lee@contoso.example");
        String contactUrl = FAKE.requests().stream().skip(before).map(Request::getUrl)
                .filter(u -> u.matches(".*/Contacts/[0-9]+")).findFirst().orElseThrow();
        assertThat(system.ticket(second).requester()).isEqualTo("sam.lee@contoso.example");
        assertThat(system.newTickets(base())).filteredOn(t -> t.companyId().equals(company))
                .extracting(PsaTicket::requester).containsOnly("sam.lee@contoso.example");
        assertThat(FAKE.requests()).filteredOn(r -> r.getUrl().equals(contactUrl)).as("read once").hasSize(1);
    }

    @Test
    void aWebhookAboutStewardsOwnChangeIsIgnoredSoItsNotesDoNotWakeTheAgentAgain() {
        AutotaskWebhookReader reader = new AutotaskWebhookReader(Secret.of("webhookSecret", "hook"),
                system::ownResourceId);
        java.util.function.Function<Long, WebhookVerdict> deliveryBy = person -> {
            byte[] body = ("{\"Action\":\"Update\",\"EntityType\":\"Ticket\",\"Id\":128926,\"PersonID\":" + person
                    + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return reader.read(new WebhookDelivery(java.util.Map.of("X-Hook-Signature", Signatures.base64Hmac(
                    "HmacSHA1", "hook".getBytes(java.nio.charset.StandardCharsets.UTF_8), body)), body));
        };

        assertThat(deliveryBy.apply(29682886L)).as("the API user's resource").isInstanceOfSatisfying(
                WebhookVerdict.Ignore.class, i -> assertThat(i.reason()).contains("Steward's own change"));
        assertThat(deliveryBy.apply(29682999L)).as("a technician or the requester")
                .isInstanceOf(WebhookVerdict.AboutTicket.class);
        assertThat(FAKE.requests()).filteredOn(r -> r.getUrl().contains("Resources/query")).as("asked once")
                .hasSize(1);
    }

    @Test
    void aWrongSecretIsAPermanent401() {
        String id = aTicket();
        assertThatThrownBy(() -> systemWith(FakeAutotask.USER, "wrong-secret").ticket(id))
                .isInstanceOfSatisfying(PortFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessageContaining("HTTP 401").hasMessageNotContaining("wrong-secret");
    }

    @Test
    void anUnknownUserNameIsAPermanentFailureNotAnOutage() {
        String id = aTicket();
        assertThatThrownBy(() -> systemWith("nobody@acmemsp.example", FakeAutotask.SECRET).ticket(id))
                .isInstanceOfSatisfying(PortFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessageContaining("no API user").hasMessageContaining("Zone information could not be determined");
    }

    @Test
    void aWrongIntegrationCodeAnsweredWithHttp500IsAPermanentCredentialFailure() {
        String id = aTicket();
        AutotaskTicketSystem wrongCode = systemWith(FakeAutotask.USER, "NOT-OUR-CODE", FakeAutotask.SECRET,
                Duration.ofSeconds(10), 100);
        assertThatThrownBy(() -> wrongCode.ticket(id))
                .isInstanceOfSatisfying(PortFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessageContaining("refused the user name or the integration code").hasMessageContaining("HTTP 500")
                .hasMessageNotContaining("NOT-OUR-CODE");
    }

    @Test
    void anHttp500AfterTheCredentialsWorkedIsAnOutageAndRetryable() {
        String id = aTicket();
        system.ticket(id);
        WIREMOCK.stubFor(any(urlPathMatching("/atservicesrest/v1.0/Tickets/[0-9]+")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("{\"errors\":[\"Something went wrong\"]}")));

        assertThatThrownBy(() -> system.ticket(id))
                .isInstanceOfSatisfying(PortFailure.class, f -> assertThat(f.retryable()).isTrue())
                .hasMessageContaining("Something went wrong");
    }

    @Test
    void beyondItsShareOfTheHourlyBudgetNothingIsSentUntilTheOldestRequestLeavesTheHour() {
        String id = aTicket();
        AutotaskTicketSystem budgeted = systemWith(FakeAutotask.USER, FakeAutotask.INTEGRATION_CODE,
                FakeAutotask.SECRET, Duration.ofSeconds(10), 3);
        budgeted.ticket(id); // the ticket, its status picklist and its contact: three requests
        int sent = FAKE.requests().size();

        assertThatThrownBy(() -> budgeted.ticket(id))
                .isInstanceOfSatisfying(PortFailure.class, f -> assertThat(f.retryable()).isTrue())
                .hasMessageContaining("3 Autotask requests of the last hour").hasMessageContaining("try again in 3600 s");
        assertThat(FAKE.requests()).as("nothing sent beyond the budget").hasSize(sent);

        clock.advance(Duration.ofMinutes(61));
        assertThat(budgeted.ticket(id).id()).isEqualTo(id);
    }

    @Nested
    class WhenTheApiMisbehaves extends PsaFailureContract {
        @Override
        protected Target target() {
            return new Target(() -> system, () -> systemWith(FakeAutotask.USER, FakeAutotask.SECRET, Duration.ofMillis(300)),
                    AutotaskTicketSystemTest.this::aTicket, WIREMOCK, sleeper,
                    urlPathMatching("/atservicesrest/v1.0/Tickets/[0-9].*"));
        }
    }
}
