package dev.steward.adapter.psa.common;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.steward.application.port.psa.TicketSystem;
import dev.steward.application.problem.PortFailure;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * How every PSA adapter here turns HTTP trouble into {@link PortFailure} at its edge. Adapter tests run it as a
 * {@code @Nested} class against their stub.
 */
public abstract class PsaFailureContract {

    /** What the failures are injected into. */
    public record Target(Supplier<TicketSystem> system, Supplier<TicketSystem> impatientSystem,
                         Supplier<String> aTicket, WireMockExtension wiremock, RecordingSleeper sleeper,
                         UrlPattern ticketUrls) {}

    /**
     * The system under test, the same with a request timeout of at most 500 ms ({@code impatientSystem}); both with
     * three attempts, a first back-off of 1 s and {@code sleeper}. {@code ticketUrls} are the API's ticket URLs (not login or zone endpoints). */
    protected abstract Target target();

    private TicketSystem system() {
        return target().system().get();
    }

    private String aTicket() {
        return target().aTicket().get();
    }

    private WireMockExtension wiremock() {
        return target().wiremock();
    }

    private RecordingSleeper sleeper() {
        return target().sleeper();
    }

    private UrlPattern ticketUrls() {
        return target().ticketUrls();
    }

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
        inject(aResponse().withStatus(200).withBody("{}").withFixedDelay(2_000));

        assertThatThrownBy(() -> target().impatientSystem().get().ticket(id))
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
