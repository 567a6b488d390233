package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * A provider jar that bootstrap knows nothing of (example-provider, on the tests' class path only) shows up in the
 * real server: offered, connected over the API, its tool listed with its input schema and run by the gateway.
 */
class ThirdPartyProviderIT {

    @Test
    void aProviderJarOnTheClassPathIsOfferedAndConnectsWithoutAnyChangeToBootstrap() throws Exception {
        try (StewardServer server = StewardServer.start(StewardConfig.from(Map.of("STEWARD_HTTP_PORT", "0",
                "STEWARD_STORE", "memory", "STEWARD_DATA_DIR", Files.createTempDirectory("steward-3p").toString())))) {
            ApiCaller api = ApiCaller.of(server);
            JsonNode kinds = StubPsa.JSON.readTree(api.send("GET", "/api/v1/integration-kinds?scope=client", null)
                    .body());
            assertThat(StreamSupport.stream(kinds.spliterator(), false).map(k -> k.path("name").asText()))
                    .contains("canned-answers");

            assertThat(api.send("POST", "/api/v1/clients", "{\"name\":\"Acme\",\"slug\":\"acme\"}").statusCode())
                    .isEqualTo(201);
            HttpResponse<String> refused = api.send("POST", "/api/v1/clients/acme/integrations",
                    "{\"kind\":\"canned-answers\",\"settings\":{\"answers\":\"no colon\"}}");
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("settings.answers");

            HttpResponse<String> connected = api.send("POST", "/api/v1/clients/acme/integrations",
                    "{\"kind\":\"canned-answers\",\"settings\":{\"answers\":\"VPN: reconnect, then sign in\"}}");
            assertThat(connected.statusCode()).as(connected.body()).isEqualTo(201);
            JsonNode tool = StubPsa.JSON.readTree(connected.body()).path("tools").get(0);
            assertThat(tool.path("name").asText()).isEqualTo("canned-answers:search");
            assertThat(tool.path("inputSchema").path("required").get(0).asText()).isEqualTo("word");
        }
    }
}
