package dev.steward.adapter.psa.autotask;

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

/** A ticket opened in a stub Autotask for a client in plan mode ends with exactly one Internal Only note. */
class AutotaskEndToEndTest {

    private static final FakeAutotask FAKE = new FakeAutotask();

    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(FAKE)).build();

    private AutotaskTicketSystem autotask() {
        WIREMOCK.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(FAKE.getName())));
        return new AutotaskTicketSystem(new AutotaskSettings(
                URI.create(WIREMOCK.baseUrl() + "/atservicesrest/"), FakeAutotask.USER, FakeAutotask.INTEGRATION_CODE,
                Secret.of("secret", FakeAutotask.SECRET), 500, "Internal Only", "All Autotask Users", "Task Notes",
                "Complete", "Steward", AutotaskSettings.DEFAULT_HOURLY_LIMIT, false, java.util.List.of("Customer"), HttpSettings.DEFAULT), Clock.systemUTC());
    }

    @Test
    void aTechniciansApproveNoteInAutotaskRunsTheApprovedCall() {
        AutotaskTicketSystem autotask = autotask();
        String ticket = FAKE.seed(new TicketSeed("29683502", "Outlook keeps asking for password",
                "Please help, this is sam@contoso.example",
                "sam@contoso.example", Instant.parse("2026-11-22T08:01:12Z"), false));

        EndToEndChecks.assertATechniciansApproveNoteInThePsaRunsTheCall(autotask, "29683502", ticket, FAKE::write);
    }

    @Test
    void aTicketInPlanModeEndsWithExactlyOneInternalOnlyNoteOnTheTicket() {
        AgentPipeline pipeline = new AgentPipeline(autotask(), "29683501");
        // Autotask names the requester by contact id only; the agent finds their address in the text
        String ticket = FAKE.seed(new TicketSeed("29683501", "MFA prompt loop in Outlook",
                "Please help, this is sam@contoso.example",
                "sam@contoso.example", Instant.parse("2026-11-22T08:01:12Z"), false));

        EndToEndChecks.assertOneSessionAndAFullActivityTrail(pipeline, ticket);

        assertThat(FAKE.notesOf(Long.parseLong(ticket))).singleElement()
                .satisfies(note -> assertThat(note.path("publish").asInt()).as("Internal Only in this tenant")
                        .isEqualTo(2));
    }
}
