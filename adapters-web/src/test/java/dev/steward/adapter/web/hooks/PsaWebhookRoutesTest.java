package dev.steward.adapter.web.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.adapter.web.TestServer;
import dev.steward.application.port.psa.WebhookDelivery;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.ticket.IntakeTicketCommand;
import dev.steward.application.ticket.ReceiveTicketWebhookUseCase;
import dev.steward.application.ticket.ReceiveTicketWebhookUseCase.WebhookOutcome;
import dev.steward.domain.msp.MspId;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PsaWebhookRoutesTest {

    private TestServer server;
    private String path;

    @BeforeEach
    void start() {
        server = TestServer.start();
        server.core.psaWebhooks.register(server.msp.id(), "connectwise", "s3cret");
        path = "/hooks/psa/" + server.msp.id() + "/connectwise";
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anAuthenticDeliveryIsAcceptedAtOnceAndItsTicketTakenIn() {
        HttpResponse<String> response = server.raw("POST", path, BodyPublishers.ofString("{\"ticketId\":\"51001\"}"),
                "Content-Type", "application/json", "X-Steward-Secret", "s3cret");

        assertThat(response.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(server.core.intakes)
                .containsExactly(new IntakeTicketCommand(server.msp.id(), "connectwise", "51001")));
    }

    @Test
    void aForgedDeliveryIsRefusedWithoutDetailsAndTakesNothingIn() {
        HttpResponse<String> response = server.raw("POST", path, BodyPublishers.ofString("{\"ticketId\":\"51001\"}"),
                "Content-Type", "application/json", "X-Steward-Secret", "guess");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("s3cret").doesNotContain("shared secret");
        assertThat(server.core.intakes).isEmpty();
    }

    @Test
    void anAuthenticDeliveryAboutNoTicketIsAnsweredWithNoContent() {
        HttpResponse<String> response = server.raw("POST", path, BodyPublishers.ofString("{\"entity\":\"company\"}"),
                "Content-Type", "application/json", "X-Steward-Secret", "s3cret");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(server.core.intakes).isEmpty();
    }

    @Test
    void anUnknownOrMalformedMspGetsTheSameRefusalAsAForgery() {
        for (String msp : new String[] {UUID.randomUUID().toString(), "not-a-uuid"}) {
            HttpResponse<String> response = server.raw("POST", "/hooks/psa/" + msp + "/connectwise",
                    BodyPublishers.ofString("{\"ticketId\":\"1\"}"), "X-Steward-Secret", "s3cret");
            assertThat(response.statusCode()).isEqualTo(401);
        }
        assertThat(server.core.intakes).isEmpty();
    }

    @Test
    void anUnknownKindIsRefusedLikeAForgery() {
        HttpResponse<String> response = server.raw("POST", "/hooks/psa/" + server.msp.id() + "/evil%0d%0aINJECTED",
                BodyPublishers.ofString("{\"ticketId\":\"1\"}"), "X-Steward-Secret", "s3cret");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(server.core.intakes).isEmpty();
    }

    /** The review's reproduction: a PSA failing while Steward fetched its key answered 503 with the PSA's text. */
    @Test
    void aFailureWhileCheckingIsTheSameRefusalAsAForgery() {
        HttpResponse<String> forged = server.raw("POST", path, BodyPublishers.ofString("{}"),
                "X-Steward-Secret", "guess");
        try (TestServer failing = TestServer.start(binder -> binder.bind(ReceiveTicketWebhookUseCase.class)
                .toInstance(failingWith(PortFailure.permanent("connectwise", "connectwise answered GET "
                        + "/v4_6_release/apis/3.0/company/companies with 403: secret company data", null))))) {
            HttpResponse<String> response = failing.raw("POST", "/hooks/psa/" + failing.msp.id() + "/connectwise",
                    BodyPublishers.ofString("{}"), "X-Steward-Secret", "s3cret");

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).doesNotContain("company").isEqualTo(forged.body()
                    .replace(server.msp.id().toString(), failing.msp.id().toString()));
        }
    }

    @Test
    void aThrottledDeliveryIsAnswered429WithRetryAfter() {
        try (TestServer throttled = TestServer.start(binder -> binder.bind(ReceiveTicketWebhookUseCase.class)
                .toInstance(answering(new WebhookOutcome.Throttled(Duration.ofMillis(1500)))))) {
            HttpResponse<String> response = throttled.raw("POST", "/hooks/psa/" + throttled.msp.id()
                    + "/connectwise", BodyPublishers.ofString("{}"), "X-Steward-Secret", "s3cret");

            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).contains("1");
        }
    }

    private static ReceiveTicketWebhookUseCase failingWith(RuntimeException failure) {
        return answering(() -> {
            throw failure;
        });
    }

    private static ReceiveTicketWebhookUseCase answering(WebhookOutcome outcome) {
        return answering(() -> outcome);
    }

    /** A webhook use case whose every answer comes from {@code outcome}. */
    private static ReceiveTicketWebhookUseCase answering(java.util.function.Supplier<WebhookOutcome> outcome) {
        return new ReceiveTicketWebhookUseCase() {
            @Override
            public WebhookOutcome receive(MspId msp, String kind, WebhookDelivery delivery) {
                return outcome.get();
            }

            @Override
            public WebhookOutcome check(MspId msp, String kind, WebhookDelivery delivery) {
                return outcome.get();
            }
        };
    }
}
