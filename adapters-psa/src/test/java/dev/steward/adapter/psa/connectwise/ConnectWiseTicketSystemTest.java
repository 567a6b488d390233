package dev.steward.adapter.psa.connectwise;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConnectWiseTicketSystemTest extends TicketSystemContract {

    private static final FakeConnectWise FAKE = new FakeConnectWise();

    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(FAKE)).build();

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private ConnectWiseTicketSystem system;

    @BeforeEach
    void stubTheApi() {
        WIREMOCK.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(FAKE.getName())));
        FAKE.reset();
        system = systemWith(FakeConnectWise.PRIVATE_KEY);
    }

    /** Only the site, as a technician knows it: the API host and codebase are discovered. */
    private ConnectWiseTicketSystem siteOnly(String privateKey) {
        ConnectWiseSettings settings = new ConnectWiseSettings(Optional.of(URI.create(WIREMOCK.baseUrl() + "/")),
                Optional.empty(), FakeConnectWise.COMPANY, FakeConnectWise.PUBLIC_KEY,
                Secret.of("privateKey", privateKey), Secret.of("clientId", FakeConnectWise.CLIENT_ID), 2,
                Optional.empty(), new HttpSettings(Duration.ofSeconds(10), 3, Duration.ofSeconds(30),
                Duration.ofSeconds(1)));
        return new ConnectWiseTicketSystem(settings, PsaHttp.defaultClient(), sleeper);
    }

    private ConnectWiseTicketSystem systemWith(String privateKey) {
        return systemWith(privateKey, Duration.ofSeconds(10));
    }

    private ConnectWiseTicketSystem systemWith(String privateKey, Duration timeout) {
        ConnectWiseSettings settings = new ConnectWiseSettings(
                URI.create(WIREMOCK.baseUrl() + FakeConnectWise.PREFIX), FakeConnectWise.COMPANY,
                FakeConnectWise.PUBLIC_KEY, Secret.of("privateKey", privateKey),
                Secret.of("clientId", FakeConnectWise.CLIENT_ID), 2, Optional.empty(),
                new HttpSettings(timeout, 3, Duration.ofSeconds(30), Duration.ofSeconds(1)));
        return new ConnectWiseTicketSystem(settings, PsaHttp.defaultClient(), sleeper);
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
        return FAKE.seed(new TicketSeed(uniqueCompany(), "Outlook keeps asking for password", "Since this morning",
                "dana@contoso.example", base(), false));
    }

    private List<Request> requestsTo(String pathPart) {
        return FAKE.requests().stream().filter(r -> r.getUrl().contains(pathPart)).toList();
    }

    @Test
    void sendsBasicAuthOfCompanyPlusPublicKeyAndTheClientIdHeader() {
        String id = aTicket();
        system.ticket(id);

        Request last = requestsTo("service/tickets/" + id).getLast();
        assertThat(last.getHeader("Authorization")).isEqualTo("Basic YWNtZW1zcCtwdWJrZXk6cHJpdmtleQ==");
        assertThat(last.getHeader("clientId")).isEqualTo(FakeConnectWise.CLIENT_ID);
        assertThat(last.getHeader("Accept")).startsWith("application/vnd.connectwise.com+json");
    }

    @Test
    void anInternalNoteSetsOnlyTheInternalAnalysisFlagAndNotifiesNobody() {
        String id = aTicket();
        system.addInternalNote(id, "Diagnosis: stale token");

        var body = Json.parse("test", requestsTo("service/tickets/" + id + "/notes").getLast().getBodyAsString());
        assertThat(body.get("internalAnalysisFlag").asBoolean()).isTrue();
        assertThat(body.get("detailDescriptionFlag").asBoolean()).isFalse();
        assertThat(body.get("resolutionFlag").asBoolean()).isFalse();
        assertThat(body.get("processNotifications").asBoolean()).isFalse();
    }

    @Test
    void aReplyIsADiscussionNoteThatNotifiesTheContact() {
        String id = aTicket();
        system.addReply(id, "Please sign in again.");

        var body = Json.parse("test", requestsTo("service/tickets/" + id + "/notes").getLast().getBodyAsString());
        assertThat(body.get("detailDescriptionFlag").asBoolean()).isTrue();
        assertThat(body.get("internalAnalysisFlag").asBoolean()).isFalse();
        assertThat(body.get("processNotifications").asBoolean()).isTrue();
    }

    @Test
    void pollingReadsEveryPageAndResendsTheConditionsOnEach() {
        String company = uniqueCompany();
        Instant since = Instant.parse("2030-01-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            FAKE.seed(new TicketSeed(company, "ticket " + i, "", "x@y.example", since.plusSeconds(i), false));
        }
        int before = requestsTo("service/tickets?").size();

        List<PsaTicket> found = system.newTickets(since);

        assertThat(found).filteredOn(t -> t.companyId().equals(company)).hasSize(5);
        List<Request> pages = requestsTo("service/tickets?").subList(before, requestsTo("service/tickets?").size());
        assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
        assertThat(pages).extracting(r -> r.queryParameter("conditions").firstValue()).containsOnly(
                "closedFlag=false and _info/dateEntered>=[2030-01-01T00:00:00Z]");
        assertThat(pages).extracting(r -> r.queryParameter("page").firstValue()).startsWith("1", "2", "3");
    }

    @Test
    void theSiteAloneIsEnoughTheCodebaseAndApiHostAreDiscovered() {
        String id = aTicket();
        int before = requestsTo("/login/companyinfo/").size();
        ConnectWiseTicketSystem fromSite = siteOnly(FakeConnectWise.PRIVATE_KEY);

        assertThat(fromSite.ticket(id).id()).isEqualTo(id);
        fromSite.notes(id);
        assertThat(requestsTo("/login/companyinfo/" + FakeConnectWise.COMPANY)).as("discovered once")
                .hasSize(before + 1);
        assertThat(requestsTo("service/tickets/" + id).getLast().getUrl()).startsWith(FakeConnectWise.PREFIX);
    }

    @Test
    void anUpgradeThatMovesTheCodebaseIsFollowedAfterA404() {
        String id = aTicket();
        ConnectWiseTicketSystem fromSite = siteOnly(FakeConnectWise.PRIVATE_KEY);
        fromSite.ticket(id);
        system.ticket(id);
        FAKE.moveCodebase("v2024_8");

        assertThat(fromSite.ticket(id).id()).isEqualTo(id);
        assertThat(system.ticket(id).id()).as("a configured API base follows the move too").isEqualTo(id);
        assertThat(requestsTo("service/tickets/" + id).getLast().getUrl()).startsWith("/v2024_8/apis/3.0/");
    }

    @Test
    void aSiteThatKnowsNoSuchCompanyIsAPermanentFailure() {
        ConnectWiseSettings settings = new ConnectWiseSettings(Optional.of(URI.create(WIREMOCK.baseUrl() + "/")),
                Optional.empty(), "nosuchmsp", FakeConnectWise.PUBLIC_KEY, Secret.of("privateKey", "x"),
                Secret.of("clientId", FakeConnectWise.CLIENT_ID), 2, Optional.empty(), HttpSettings.DEFAULT);
        assertThatThrownBy(() -> new ConnectWiseTicketSystem(settings, PsaHttp.defaultClient(), sleeper).ticket("1"))
                .isInstanceOfSatisfying(PortFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessageContaining("knows no company nosuchmsp");
    }

    @Test
    void asksForTheServersOwnApiVersionWhenItIsOlderThanTheAdapters() {
        String id = aTicket();
        system.ticket(id);

        assertThat(requestsTo("service/tickets/" + id).getLast().getHeader("Accept"))
                .isEqualTo("application/vnd.connectwise.com+json; version=" + FakeConnectWise.SERVER_VERSION);
        assertThat(ConnectWiseTicketSystem.WRITTEN_FOR.toString()).isEqualTo("2025.16");
    }

    @Test
    void wrongCredentialsThatTheCloudAnswersWith404AreReportedAsCredentialsNotAMissingTicket() {
        String id = aTicket();
        FAKE.answerBadCredentialsWith(404);

        assertThatThrownBy(() -> systemWith("wrong-private-key").ticket(id))
                .isInstanceOfSatisfying(PortFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessageContaining("refused the credentials").hasMessageNotContaining("wrong-private-key");
        assertThatThrownBy(() -> system.ticket("987654321")).as("with good credentials a 404 is a missing ticket")
                .isInstanceOf(dev.steward.application.problem.NotFound.class).hasMessageContaining("987654321");
    }

    @Test
    void projectTicketsAreNotTakenAsServiceTickets() {
        String company = uniqueCompany();
        Instant since = Instant.parse("2031-01-01T00:00:00Z");
        String service = FAKE.seed(new TicketSeed(company, "Printer offline", "", "x@y.example", since, false));
        String project = FAKE.seedProjectTicket(company, "Migrate file server: phase 2", since.plusSeconds(1));

        assertThat(system.newTickets(since)).filteredOn(t -> t.companyId().equals(company))
                .extracting(PsaTicket::id).containsExactly(service);
        assertThatThrownBy(() -> system.ticket(project)).isInstanceOf(dev.steward.application.problem.NotFound.class);
    }

    @Test
    void boardStatusesArePagedWithinTheServersPageSizeLimit() {
        FAKE.limitPageSize(100);
        String id = aTicket();

        system.updateStatus(id, "Closed");

        assertThat(system.ticket(id).status()).isEqualTo("Closed");
        assertThat(requestsTo("/statuses")).extracting(r -> Integer.parseInt(r.queryParameter("pageSize")
                .firstValue())).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(100));
    }

    @Test
    void aReplyIsEmailedToTheContactWithTheTicketsContactFlagSetForItAndPutBackAfter() {
        String id = aTicket();

        PsaNote reply = system.addReply(id, "Please sign in again.");

        assertThat(FAKE.emailsSent()).contains(id + " → dana@contoso.example");
        assertThat(reply.delivery()).isEqualTo(PsaNote.Delivery.EMAILED);
        assertThat(FAKE.ticketRecord(id).path("automaticEmailContactFlag").asBoolean()).as("put back").isFalse();
        system.addInternalNote(id, "Diagnosis only");
        assertThat(FAKE.emailsSent()).filteredOn(e -> e.startsWith(id + " ")).hasSize(1);
    }

    @Test
    void aReplyOnATicketWithoutAContactAddressIsPostedNotEmailed() {
        String id = FAKE.seed(new TicketSeed(uniqueCompany(), "Alert: disk full", "", "", base(), false));

        PsaNote reply = system.addReply(id, "We are on it.");

        assertThat(reply.delivery().state()).isEqualTo(PsaNote.Delivery.State.POSTED_NOT_EMAILED);
        assertThat(reply.delivery().describe()).startsWith("posted, not e-mailed");
        assertThat(FAKE.emailsSent()).noneMatch(e -> e.startsWith(id + " "));
    }

    @Test
    void rejectedCredentialsAreAPermanentFailureThatDoesNotShowTheKey() {
        String id = aTicket();
        assertThatThrownBy(() -> systemWith("wrong-private-key").ticket(id))
                .isInstanceOfSatisfying(PortFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessageContaining("HTTP 401").hasMessageNotContaining("wrong-private-key");
    }

    @Nested
    class WhenTheApiMisbehaves extends PsaFailureContract {
        @Override
        protected Target target() {
            return new Target(() -> system, () -> systemWith(FakeConnectWise.PRIVATE_KEY, Duration.ofMillis(300)),
                    ConnectWiseTicketSystemTest.this::aTicket, WIREMOCK, sleeper,
                    urlPathMatching(FakeConnectWise.PREFIX + "service/tickets/.*"));
        }
    }
}
