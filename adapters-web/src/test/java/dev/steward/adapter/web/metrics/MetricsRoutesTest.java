package dev.steward.adapter.web.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import dev.steward.adapter.web.TestServer;
import dev.steward.application.port.activity.MetricsRecorder;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricsRoutesTest {

    private static final String TOKEN = "a-metrics-token-of-24-ch";

    private static TestServer withToken() {
        return TestServer.start(new AbstractModule() {
            @Override
            protected void configure() {
                bind(MetricsRoutes.Token.class).toInstance(new MetricsRoutes.Token(Optional.of(TOKEN)));
            }
        });
    }

    @Test
    void aScraperWithTheTokenReadsTheCoresMetricsHttpTimingsAndTheJvm() {
        try (TestServer server = withToken()) {
            server.get("/api/v1/clients", "Authorization", "Bearer " + server.apiToken);
            server.component(MetricsRecorder.class).approvalsPending(3);

            HttpResponse<String> scrape = server.get("/metrics", "Authorization", "Bearer " + TOKEN);

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            assertThat(scrape.body())
                    .contains("steward_approvals_pending 3.0")
                    .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/clients\","
                            + "status=\"200\"}")
                    .contains("jvm_memory_used_bytes")
                    .contains("jvm_gc_")
                    .doesNotContain(server.apiToken);
        }
    }

    @Test
    void withoutTheRightTokenMetricsAreRefused() {
        try (TestServer server = withToken()) {
            assertThat(server.get("/metrics").statusCode()).isEqualTo(401);
            assertThat(server.get("/metrics", "Authorization", "Bearer wrong-token-wrong-token").statusCode())
                    .isEqualTo(401);
            assertThat(server.get("/metrics", "Authorization", "Bearer " + server.apiToken).statusCode())
                    .as("an API token is not the metrics token").isEqualTo(401);
        }
    }

    @Test
    void withoutAConfiguredTokenMetricsAreOffAndSaySo() {
        try (TestServer server = TestServer.start()) {
            HttpResponse<String> scrape = server.get("/metrics", "Authorization", "Bearer " + TOKEN);
            assertThat(scrape.statusCode()).isEqualTo(404);
            assertThat(scrape.body()).contains("STEWARD_METRICS_TOKEN");
        }
    }
}
