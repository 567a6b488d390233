package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * A PSA connected through the API on the embedded default is live (its webhooks are read) and stays live after a
 * restart, from its settings and secrets as stored (encrypted with the key created in the data directory).
 */
class IntegrationRestartIT {

    private static final String HOOK_SECRET = "autotask-hook-secret-0042";
    private static final String SECRET = "autotask-api-secret-9876";
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(StewardServer server, String path, String json, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return http.send(request.build(), BodyHandlers.ofString());
    }

    /** An authentic Autotask delivery about something that is not a ticket: 204 when read, 401 when refused. */
    private int webhook(StewardServer server) throws Exception {
        String body = "{\"Action\":\"Update\",\"EntityType\":\"Contact\",\"Id\":7}";
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(HOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        return send(server, "/hooks/psa/" + server.defaultMsp().id() + "/autotask", body,
                Map.of("X-Hook-Signature", signature)).statusCode();
    }

    @Test
    void aConnectedPsaIsLiveAndIsLiveAgainAfterARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("steward-integrations");
        Map<String, String> env = Map.of("STEWARD_HTTP_PORT", "0", "STEWARD_DATA_DIR", dataDir.toString());
        List<WireMockServer> wiremocks = new ArrayList<>();
        StubAutotask autotask = new StubAutotask("api@northwind.example", "TRACK-1", SECRET);
        autotask.serveAt(PlanModeWorld.serve(autotask, wiremocks).baseUrl());

        try (StewardServer first = StewardServer.start(StewardConfig.from(env))) {
            assertThat(webhook(first)).as("no PSA connected yet").isEqualTo(401);
            HttpResponse<String> connected = ApiCaller.of(first).send("POST", "/api/v1/integrations", """
                    {"kind": "autotask",
                     "settings": {"userName": "api@northwind.example", "integrationCode": "TRACK-1",
                                  "zoneLookupBase": "%s/atservicesrest/"},
                     "secrets": {"secret": "%s", "webhookSecret": "%s"}}""".formatted(autotask.baseUrl(), SECRET,
                    HOOK_SECRET));
            assertThat(connected.statusCode()).as(connected.body()).isEqualTo(201);
            assertThat(connected.body()).doesNotContain(SECRET).doesNotContain(HOOK_SECRET).contains("9876");
            assertThat(webhook(first)).isEqualTo(204);
        }
        assertThat(Files.exists(dataDir.resolve("secret.key"))).isTrue();

        wiremocks.forEach(WireMockServer::stop);
        try (StewardServer second = StewardServer.start(StewardConfig.from(env))) {
            assertThat(webhook(second)).as("made live again from the stored, encrypted values, though Autotask is "
                    + "not answering now").isEqualTo(204);
        }
    }
}
