package dev.steward.adapter.psa.common;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.steward.application.port.TicketSystem;
import dev.steward.application.problem.PortFailure;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * How every PSA adapter here turns HTTP trouble into {@link PortFailure} at its edge. Adapter tests run it as a
 * {@code @Nested} class against their stub; the system under test must be built with a request timeout of at most
 * 2 s, three attempts, a first back-off of 1 s and the test's {@link #sleeper()}.
 */
public abstract class PsaFailureContract {

    protected abstract TicketSystem system();

    /** Opens a ticket in the stub and returns its id. */
    protected abstract String aTicket();

    protected abstract WireMockExtension wiremock();

    protected abstract RecordingSleeper sleeper();

    /** The API's ticket URLs (not the login or zone endpoints), where failures are injected. */
    protected abstract UrlPattern ticketUrls();

    private void inject(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        wiremock().stubFor(any(ticketUrls()).atPriority(1).willReturn(response));
    }

    @Test
    void aThrottledCallWaitsRetryAfterSecondsAndThenSucceeds() {
        String id = aTicket();
        wiremock().stubFor(any(ticketUrls()).atPriority(1).inScenario("throttle")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                        .withBody("{\"message\":\"volume too high\"}"))
                .willSetStateTo("served"));

        assertThat(system().ticket(id).id()).isEqualTo(id);
        assertThat(sleeper().waits()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void throttlingBeyondTheLastAttemptIsARetryableFailure() {
        String id = aTicket();
        inject(aResponse().withStatus(429).withHeader("Retry-After", "1"));

        assertThatThrownBy(() -> system().ticket(id))
                .isInstanceOfSatisfying(PortFailure.class, f -> assertThat(f.retryable()).isTrue())
                .hasMessageContaining("429");
        assertThat(sleeper().waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void throttlingWithoutRetryAfterBacksOffExponentiallyWithJitter() {
        String id = aTicket();
        inject(aResponse().withStatus(429));

        assertThatThrownBy(() -> system().ticket(id)).isInstanceOf(PortFailure.class);
        assertThat(sleeper().waits()).hasSize(2);
        assertThat(sleeper().waits().get(0)).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1500));
        assertThat(sleeper().waits().get(1)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    @Test
    void aServerErrorIsRetryableAndCarriesTheVendorMessage() {
        String id = aTicket();
        inject(aResponse().withStatus(503).withBody("{\"errors\":[\"database timeout\"]}"));

        assertThatThrownBy(() -> system().ticket(id))
                .isInstanceOfSatisfying(PortFailure.class, f -> assertThat(f.retryable()).isTrue())
                .hasMessageContaining("HTTP 503").hasMessageContaining("database timeout");
    }

    @Test
    void aSlowAnswerTimesOutAsARetryableFailure() {
        String id = aTicket();
        inject(aResponse().withStatus(200).withBody("{}").withFixedDelay(4_000));

        assertThatThrownBy(() -> system().ticket(id))
                .isInstanceOfSatisfying(PortFailure.class, f -> assertThat(f.retryable()).isTrue())
                .hasMessageContaining("did not answer");
    }

    @Test
    void malformedJsonIsAPermanentFailure() {
        String id = aTicket();
        inject(aResponse().withStatus(200).withBody("{\"id\": " + id + ", \"summary\": "));

        assertThatThrownBy(() -> system().ticket(id))
                .isInstanceOfSatisfying(PortFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessageContaining("malformed JSON");
    }

    @Test
    void aRefusedRequestIsPermanentWithTheVendorMessage() {
        String id = aTicket();
        inject(aResponse().withStatus(400).withBody("{\"code\":\"InvalidObject\",\"message\":\"object is invalid\"}"));

        assertThatThrownBy(() -> system().addInternalNote(id, "x"))
                .isInstanceOfSatisfying(PortFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessageContaining("object is invalid");
    }
}
