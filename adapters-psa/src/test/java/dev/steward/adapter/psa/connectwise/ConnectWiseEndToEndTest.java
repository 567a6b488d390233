package dev.steward.adapter.psa.connectwise;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.steward.adapter.psa.common.AgentPipeline;
import dev.steward.adapter.psa.common.EndToEndChecks;
import dev.steward.adapter.psa.common.HttpSettings;
import dev.steward.adapter.psa.common.PsaHttp;
import dev.steward.adapter.psa.common.Secret;
import dev.steward.adapter.psa.common.Sleeper;
import dev.steward.application.port.psa.TicketSystemContract.TicketSeed;
import dev.steward.application.ticket.IntakeResult;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A ticket opened in a stub ConnectWise for a client in plan mode ends with exactly one internal note. */
class ConnectWiseEndToEndTest {

    private static final FakeConnectWise FAKE = new FakeConnectWise();

    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(FAKE)).build();

    private AgentPipeline pipeline;
    private ConnectWiseTicketSystem cw;

    @BeforeEach
    void start() {
        WIREMOCK.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(FAKE.getName())));
        cw = new ConnectWiseTicketSystem(new ConnectWiseSettings(
                URI.create(WIREMOCK.baseUrl() + FakeConnectWise.PREFIX), FakeConnectWise.COMPANY,
                FakeConnectWise.PUBLIC_KEY, Secret.of("privateKey", FakeConnectWise.PRIVATE_KEY),
                Secret.of("clientId", FakeConnectWise.CLIENT_ID), 100, Optional.empty(), HttpSettings.DEFAULT),
                PsaHttp.defaultClient(), Sleeper.REAL);
        pipeline = new AgentPipeline(cw, "250");
    }

    private String aTicket(int n) {
        return FAKE.seed(new TicketSeed("250", "Outlook keeps asking for password (" + n + ")",
                "It started after the MFA change", "dana@contoso.example", Instant.parse("2026-11-22T09:13:55Z"),
                false));
    }

    @Test
    void aTechniciansApproveNoteInConnectWiseRunsTheApprovedCall() {
        String ticket = aTicket(-1);

        EndToEndChecks.assertATechniciansApproveNoteInThePsaRunsTheCall(cw, "250", ticket, FAKE::write);
    }

    @Test
    void aTicketInPlanModeEndsWithExactlyOneInternalNoteOnTheTicket() {
        String ticket = aTicket(0);

        EndToEndChecks.assertOneSessionAndAFullActivityTrail(pipeline, ticket);

        List<ObjectNode> added = FAKE.notesOf(Long.parseLong(ticket)).stream()
                .filter(n -> !n.path("detailDescriptionFlag").asBoolean()).toList();
        assertThat(added).singleElement().satisfies(note -> {
            assertThat(note.path("internalAnalysisFlag").asBoolean()).isTrue();
            assertThat(note.path("processNotifications").asBoolean()).isFalse();
            assertThat(note.path("text").asText()).contains("Password reset").contains("m365:reset-password");
        });
    }

    /** Intake-to-note latency over 200 tickets against the local stub (no webhook HTTP hop in front). */
    @Test
    void twoHundredTicketsEachGetTheirNote() {
        List<Long> micros = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            String ticket = aTicket(i);
            long start = System.nanoTime();
            IntakeResult result = pipeline.ticketArrived(ticket);
            micros.add((System.nanoTime() - start) / 1_000);
            assertThat(result).isInstanceOf(IntakeResult.Queued.class);
        }
        List<Long> sorted = micros.stream().sorted().toList();
        System.out.printf("connectwise intake-to-note over %d tickets: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                sorted.size(), sorted.get(99) / 1000.0, sorted.get(197) / 1000.0, sorted.getLast() / 1000.0);
        assertThat(sorted.get(197)).as("p99 under 10 s against a local stub, even on a loaded machine").isLessThan(Duration.ofSeconds(10)
                .toNanos() / 1_000);
    }
}
