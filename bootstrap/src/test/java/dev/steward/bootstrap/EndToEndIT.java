package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton through every layer: the real server on a free port, a client created over HTTP becomes
 * active on its own, and a delete with the wrong name changes nothing while the right name destroys it.
 */
class EndToEndIT {

    private static StewardServer server;
    private static ApiCaller api;

    @BeforeAll
    static void start() throws Exception {
        // the README's default: embedded PostgreSQL and the in-process runtime, in a fresh data directory
        Path dataDir = Files.createTempDirectory("steward-e2e");
        server = StewardServer.start(StewardConfig.from(Map.of("STEWARD_HTTP_PORT", "0",
                "STEWARD_RECONCILE_DUE_MS", "50", "STEWARD_DATA_DIR", dataDir.toString())));
        api = ApiCaller.of(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aClientCreatedOverHttpBecomesActiveAndIsDeletedOnlyWithItsExactName() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> created = send("POST", "/api/v1/clients", "{\"name\":\"Acme Corp\",\"slug\":\"acme-corp\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"slug\":\"acme-corp\"").contains("\"status\":\"creating\"");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                assertThat(send("GET", "/api/v1/clients/acme-corp", null).body()).contains("\"status\":\"active\""));
        System.out.printf("POST -> active on the in-process runtime: %d ms%n", (System.nanoTime() - started) / 1_000_000);

        HttpResponse<String> refused = send("DELETE", "/api/v1/clients/acme-corp", "{\"confirmName\":\"acme corp\"}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(send("GET", "/api/v1/clients/acme-corp", null).body()).contains("\"status\":\"active\"");

        HttpResponse<String> deleted = send("DELETE", "/api/v1/clients/acme-corp", "{\"confirmName\":\"Acme Corp\"}");
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/clients/acme-corp", null).body()).contains("\"status\":\"destroyed\"");

        HttpResponse<String> again = send("POST", "/api/v1/clients", "{\"name\":\"Acme 2\",\"slug\":\"acme-corp\"}");
        assertThat(again.statusCode()).as("a destroyed client's slug stays taken").isEqualTo(409);
    }

    @Test
    void aWarmServerTakesAClientToActiveQuickly() throws Exception {
        send("POST", "/api/v1/clients", "{\"name\":\"Warm Up\",\"slug\":\"warm-up\"}");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                send("GET", "/api/v1/clients/warm-up", null).body().contains("\"status\":\"active\""));
        long started = System.nanoTime();
        assertThat(send("POST", "/api/v1/clients", "{\"name\":\"Timed\",\"slug\":\"timed\"}").statusCode())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).until(() ->
                send("GET", "/api/v1/clients/timed", null).body().contains("\"status\":\"active\""));
        System.out.printf("POST -> active on a warm server (in-process runtime, embedded PostgreSQL): %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void theServerAnswersHealthChecks() throws Exception {
        HttpResponse<String> health = send("GET", "/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    void theFirstAdminSignsInWithThePrintedPasswordAndAnonymousCallsAreRefused() throws Exception {
        var admin = server.firstAdmin().orElseThrow();
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + server.port();

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/clients")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        String form = "email=" + URLEncoder.encode(admin.admin().email().value(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(admin.generatedPassword().orElseThrow(), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(303);
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/clients"))
                .header("Cookie", cookie).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(admin.admin().email().value());
    }

    private static HttpResponse<String> send(String method, String path, String json) throws Exception {
        return api.send(method, path, json);
    }
}
