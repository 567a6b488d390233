package dev.steward.adapter.psa.halopsa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.steward.adapter.psa.common.AgentPipeline;
import dev.steward.adapter.psa.common.EndToEndChecks;
import dev.steward.adapter.psa.common.HttpSettings;
import dev.steward.adapter.psa.common.Secret;
import dev.steward.application.port.psa.TicketSystemContract.TicketSeed;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A ticket opened in a stub HaloPSA for a client in plan mode ends with exactly one hidden action. */
class HaloPsaEndToEndTest {

    private static final FakeHaloPsa FAKE = new FakeHaloPsa();

    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(FAKE)).build();

    private HaloPsaTicketSystem halo() {
        WIREMOCK.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(FAKE.getName())));
        URI root = URI.create(WIREMOCK.baseUrl() + "/");
        return new HaloPsaTicketSystem(new HaloPsaSettings(root.resolve("api/"),
                root.resolve("auth/token?tenant=" + FakeHaloPsa.TENANT), FakeHaloPsa.CLIENT_ID,
                Secret.of("clientSecret", FakeHaloPsa.CLIENT_SECRET), "all", 50, FakeHaloPsa.PRIVATE_OUTCOME,
                FakeHaloPsa.EMAIL_OUTCOME, HttpSettings.DEFAULT), Clock.systemUTC());
    }

    @Test
    void aTechniciansApproveActionInHaloRunsTheApprovedCall() {
        HaloPsaTicketSystem halo = halo();
        String ticket = FAKE.seed(new TicketSeed("12", "Outlook keeps asking for password", "Since this morning",
                "dana@contoso.example", Instant.parse("2026-11-22T09:13:55Z"), false));

        EndToEndChecks.assertATechniciansApproveNoteInThePsaRunsTheCall(halo, "12", ticket, FAKE::write);
    }

    @Test
    void aTicketInPlanModeEndsWithExactlyOneHiddenActionOnTheTicket() {
        AgentPipeline pipeline = new AgentPipeline(halo(), "12");
        String ticket = FAKE.seed(new TicketSeed("12", "Cannot sign in: password expired", "Since this morning",
                "dana@contoso.example", Instant.parse("2026-11-22T09:13:55Z"), false));

        EndToEndChecks.assertOneSessionAndAFullActivityTrail(pipeline, ticket);

        assertThat(FAKE.actionsOf(Long.parseLong(ticket))).singleElement().satisfies(action -> {
            assertThat(action.path("hiddenfromuser").asBoolean()).isTrue();
            assertThat(action.path("sendemail").asBoolean()).isFalse();
        });
    }
}
