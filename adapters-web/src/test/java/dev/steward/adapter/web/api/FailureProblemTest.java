package dev.steward.adapter.web.api;

import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.adapter.web.TestServer;
import dev.steward.application.msp.GetMspUseCase;
import dev.steward.application.problem.PortFailure;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** What callers see when the core fails: a 503 for an outside system, a bare 500 for a bug. */
class FailureProblemTest {

    @Test
    void answers503WithRetryAfterWhenAPortFails() {
        GetMspUseCase failing = msp -> {
            throw PortFailure.retryable("msp-store", "database unreachable", null);
        };
        try (TestServer server = TestServer.start(binder -> binder.bind(GetMspUseCase.class).toInstance(failing))) {
            HttpResponse<String> response = server.get("/api/v1/msp");

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(parse(response).path("code").asText()).isEqualTo("port.unavailable");
            assertThat(parse(response).path("detail").asText()).contains("msp-store");
        }
    }

    @Test
    void answers500WithoutInternalsForAnUnexpectedError() {
        GetMspUseCase broken = msp -> {
            throw new IllegalStateException("secret internal detail");
        };
        try (TestServer server = TestServer.start(binder -> binder.bind(GetMspUseCase.class).toInstance(broken))) {
            HttpResponse<String> response = server.get("/api/v1/msp");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            JsonNode problem = parse(response);
            assertThat(problem.path("code").asText()).isEqualTo("server.unexpected");
            assertThat(problem.path("detail").asText()).contains("reference");
            assertThat(response.body()).doesNotContain("secret internal detail", "IllegalStateException", "at dev.");
        }
    }
}
