package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.adapter.web.WebServer;
import dev.steward.adapter.web.signin.RouteRules;
import dev.steward.application.operator.OperatorCredentialsUseCase;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation on the real server and PostgreSQL, across two MSPs created through the operator API: MSP Beta's
 * admin calls every route of the server's route table that acts inside an MSP — reads and writes, API and dashboard —
 * with MSP Alpha's identifiers (its client's slug, its integration, workflow, token and user ids). No answer shows
 * anything of Alpha's, and afterwards Alpha's data is exactly as it was. The route list comes from the server, so a
 * new route is attacked too.
 */
class TwoMspIsolationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    /** What only Alpha has: none of it may reach Beta. */
    private static final List<String> ALPHA_SECRETS = List.of("Alpha Isolation IT", "Alpha Client Ltd",
            "Alpha Secret Workflow", "Alpha Client Workflow", "alpha-admin@alpha.example", "alpha-viewer@alpha.example",
            "alpha ci token", "Alpha private prompt", "Alpha client prompt", "api@alpha.example", "ALPHA-TRACK");

    private static StewardServer server;
    private static String operator;
    private static Tenant alpha;
    private static Tenant beta;
    private static final Map<String, String> ALPHA_IDS = new LinkedHashMap<>();

    /** Alpha's Autotask, which the connection is checked against. */
    private static final List<com.github.tomakehurst.wiremock.WireMockServer> WIREMOCKS = new ArrayList<>();

    private record Tenant(String mspId, String adminToken) {}

    @BeforeAll
    static void twoMspsThroughTheOperatorApi() throws Exception {
        server = StewardServer.start(StewardConfig.from(Map.of("STEWARD_HTTP_PORT", "0",
                "STEWARD_DATA_DIR", Files.createTempDirectory("steward-isolation").toString())));
        operator = server.component(OperatorCredentialsUseCase.class).add("isolation test").secret();
        alpha = tenant("Alpha Isolation IT", "alpha-admin@alpha.example");
        beta = tenant("Beta Isolation IT", "beta-admin@beta.example");

        ok(api(alpha, "PUT", "/api/v1/msp/prompt", Map.of("prompt", "Alpha private prompt")));
        ok(api(alpha, "POST", "/api/v1/clients", Map.of("name", "Alpha Client Ltd", "slug", "alpha-client")));
        ok(api(alpha, "PUT", "/api/v1/clients/alpha-client/prompt", Map.of("prompt", "Alpha client prompt")));
        StubAutotask autotask = new StubAutotask("api@alpha.example", "ALPHA-TRACK", "alpha-autotask-secret-1234");
        autotask.serveAt(PlanModeWorld.serve(autotask, WIREMOCKS).baseUrl());
        JsonNode integration = ok(api(alpha, "POST", "/api/v1/integrations", Map.of("kind", "autotask",
                "settings", Map.of("userName", "api@alpha.example", "integrationCode", "ALPHA-TRACK",
                        "zoneLookupBase", autotask.baseUrl() + "/atservicesrest/"),
                "secrets", Map.of("secret", "alpha-autotask-secret-1234", "webhookSecret", "alpha-hook-5678"))));
        ALPHA_IDS.put("integration", integration.path("id").asText());
        ALPHA_IDS.put("tool", integration.path("tools").get(0).path("name").asText());
        ALPHA_IDS.put("workflow", ok(api(alpha, "POST", "/api/v1/workflows", workflow("Alpha Secret Workflow")))
                .path("id").asText());
        ok(api(alpha, "POST", "/api/v1/clients/alpha-client/workflows", workflow("Alpha Client Workflow")));
        ALPHA_IDS.put("token", ok(api(alpha, "POST", "/api/v1/tokens", Map.of("name", "alpha ci token")))
                .path("id").asText());
        ALPHA_IDS.put("user", ok(api(alpha, "POST", "/api/v1/users", Map.of("email", "alpha-viewer@alpha.example",
                "role", "viewer", "delivery", "link"))).path("user").path("id").asText());
        ok(api(beta, "POST", "/api/v1/clients", Map.of("name", "Beta Client Ltd", "slug", "beta-client")));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        WIREMOCKS.forEach(com.github.tomakehurst.wiremock.WireMockServer::stop);
    }

    /** An MSP created by the operator, its first admin, and an admin API token that admin issued. */
    private static Tenant tenant(String name, String email) throws Exception {
        String msp = ok(send("POST", "/api/v1/operator/msps", "Bearer " + operator, json(Map.of("name", name)),
                "application/json")).path("id").asText();
        String password = ok(send("POST", "/api/v1/operator/msps/" + msp + "/admins", "Bearer " + operator,
                json(Map.of("email", email, "delivery", "password")), "application/json")).path("password").asText();
        HttpResponse<String> signedIn = send("POST", "/login", null, "email=" + URLEncoder.encode(email,
                StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded");
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String page = HTTP.send(HttpRequest.newBuilder(uri("/settings/tokens")).header("Cookie", cookie)
                .header("Accept", "text/html").build(), BodyHandlers.ofString()).body();
        String csrf = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> issued = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/tokens")).header("Cookie", cookie)
                .header("X-CSRF-Token", csrf).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(json(Map.of("name", name + " admin", "role", "admin")))).build(),
                BodyHandlers.ofString());
        return new Tenant(msp, ok(issued).path("token").asText());
    }

    private static Map<String, Object> workflow(String name) {
        return Map.of("name", name, "trigger", "A \"printer\" is offline.", "instructions", "Restart the spooler.",
                "status", "active");
    }

    @Test
    void anotherMspsAdminReachesNothingOfAlphasOnAnyRouteAndChangesNothing() throws Exception {
        Map<String, String> before = alphasData();
        List<String> attacked = new ArrayList<>();

        for (String route : server.component(WebServer.class).routes()) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            if (!HTTP_METHODS.contains(method) || !(RouteRules.of(route).orElseThrow()
                    instanceof RouteRules.Needs)) {
                continue; // public, agents', PSAs' and operators' routes act in no MSP a user signed in to
            }
            String target = withAlphasIds(path);
            String body = path.startsWith("/api/") ? apiBody(route) : formBody(route);
            HttpResponse<String> answer = send(method, target, "Bearer " + beta.adminToken(),
                    method.equals("GET") ? null : body, path.startsWith("/api/") ? "application/json"
                            : "application/x-www-form-urlencoded");
            attacked.add(route + " -> " + answer.statusCode());

            assertThat(answer.statusCode()).as(route + ": Beta's admin is signed in and may call it")
                    .isNotIn(401, 403).isLessThan(500);
            for (String secret : ALPHA_SECRETS) {
                if (body == null || !body.contains(secret)) {
                    assertThat(answer.body()).as(route + " as Beta's admin shows " + secret).doesNotContain(secret);
                }
            }
            if (!path.equals(target) && answer.statusCode() < 300 && !method.equals("GET")) {
                throw new AssertionError(route + " changed something with Alpha's ids: " + answer.statusCode() + " "
                        + answer.body());
            }
        }

        assertThat(attacked).as("routes attacked").hasSizeGreaterThan(60)
                .contains("GET /api/v1/clients -> 200", "GET /api/v1/clients/{slug} -> 404",
                        "DELETE /api/v1/clients/{slug} -> 404", "PUT /api/v1/workflows/{id} -> 404");
        System.out.println("Beta's admin against Alpha's ids:\n  " + String.join("\n  ", attacked));
        assertThat(alphasData()).as("Alpha's data after Beta's attempts").isEqualTo(before);
    }

    @Test
    void aSuspendedMspsTokensStopWhileTheOtherMspGoesOn() throws Exception {
        ok(send("POST", "/api/v1/operator/msps/" + alpha.mspId() + "/suspend", "Bearer " + operator, "{}",
                "application/json"));
        try {
            assertThat(api(alpha, "GET", "/api/v1/clients", null).statusCode()).isEqualTo(401);
            assertThat(api(beta, "GET", "/api/v1/clients", null).statusCode()).isEqualTo(200);
        } finally {
            ok(send("POST", "/api/v1/operator/msps/" + alpha.mspId() + "/resume", "Bearer " + operator, "{}",
                    "application/json"));
        }
        assertThat(api(alpha, "GET", "/api/v1/clients", null).statusCode()).isEqualTo(200);
    }

    /** Alpha's data as Alpha's admin reads it, without what changes on its own (status, times, versions). */
    private static Map<String, String> alphasData() throws Exception {
        Map<String, String> data = new LinkedHashMap<>();
        JsonNode client = ok(api(alpha, "GET", "/api/v1/clients/alpha-client", null));
        data.put("client", client.path("name").asText() + "|" + client.path("mode").asText() + "|"
                + client.path("status").asText().equals("destroyed"));
        data.put("clientPrompt", ok(api(alpha, "GET", "/api/v1/clients/alpha-client/prompt", null)).path("prompt")
                .asText());
        JsonNode msp = ok(api(alpha, "GET", "/api/v1/msp", null));
        data.put("msp", msp.path("name").asText() + "|" + msp.path("defaultMode").asText() + "|"
                + msp.path("prompt").asText());
        data.put("workflows", names(ok(api(alpha, "GET", "/api/v1/workflows", null)), "name")
                + names(ok(api(alpha, "GET", "/api/v1/workflows", null)), "status")
                + names(ok(api(alpha, "GET", "/api/v1/workflows", null)), "version"));
        data.put("clientWorkflows", names(ok(api(alpha, "GET", "/api/v1/clients/alpha-client/workflows", null)),
                "name"));
        data.put("tokens", ok(api(alpha, "GET", "/api/v1/tokens", null)).path("items").findValues("active")
                .toString() + names(ok(api(alpha, "GET", "/api/v1/tokens", null)), "name"));
        JsonNode users = ok(api(alpha, "GET", "/api/v1/users", null));
        List<String> userFacts = new ArrayList<>();
        users.path("items").forEach(u -> userFacts.add(u.path("email").asText() + ":" + u.path("role").asText() + ":"
                + u.path("active").asBoolean()));
        data.put("users", userFacts.toString());
        JsonNode integration = ok(api(alpha, "GET", "/api/v1/integrations/" + ALPHA_IDS.get("integration"), null));
        List<String> policies = new ArrayList<>();
        integration.path("tools").forEach(t -> policies.add(t.path("name").asText() + "=" + t.path("policy")
                .asText()));
        data.put("integration", integration.path("kind").asText() + policies);
        data.put("mappings", ok(api(alpha, "GET", "/api/v1/clients/alpha-client/mappings", null)).toString()
                .replaceAll("\"etag\":\"[^\"]*\"", ""));
        return data;
    }

    private static String names(JsonNode list, String field) {
        List<String> names = new ArrayList<>();
        list.path("items").forEach(item -> names.add(item.path(field).asText()));
        return names.stream().sorted().collect(Collectors.joining(","));
    }

    private static String withAlphasIds(String path) {
        String id = path.startsWith("/api/v1/integrations/") || path.startsWith("/integrations/")
                ? ALPHA_IDS.get("integration")
                : path.startsWith("/api/v1/workflows/") ? ALPHA_IDS.get("workflow")
                : path.startsWith("/api/v1/tokens/") || path.startsWith("/settings/tokens/") ? ALPHA_IDS.get("token")
                : path.startsWith("/api/v1/users/") || path.startsWith("/users/") ? ALPHA_IDS.get("user")
                : UUID.randomUUID().toString();
        return path.replace("{slug}", "alpha-client").replace("{tool}", ALPHA_IDS.get("tool"))
                .replace("{kind}", "autotask").replace("{id}", id)
                .replaceAll("\\{[a-zA-Z]+}", UUID.randomUUID().toString());
    }

    /** A body that would do harm if the route found Alpha's thing (the default: none). */
    private static String apiBody(String route) {
        Map<String, Object> body = switch (route) {
            case "PUT /api/v1/clients/{slug}/mode" -> Map.of("mode", "execute");
            case "DELETE /api/v1/clients/{slug}" -> Map.of("confirmName", "Alpha Client Ltd");
            case "PUT /api/v1/clients/{slug}/prompt" -> Map.of("prompt", "taken over");
            case "PUT /api/v1/clients/{slug}/psa-mapping" -> Map.of("integrationKind", "autotask",
                    "companyId", "42");
            case "PUT /api/v1/clients/{slug}/mappings/{kind}" -> Map.of("externalId", "taken-over");
            case "POST /api/v1/clients/{slug}/workflows", "PUT /api/v1/workflows/{id}" -> workflow("Taken Over");
            case "POST /api/v1/workflows/{id}/status" -> Map.of("status", "archived");
            case "POST /api/v1/clients/{slug}/integrations" -> Map.of("kind", "autotask", "settings",
                    Map.of("userName", "x@beta.example", "integrationCode", "X"), "secrets", Map.of("secret", "x"));
            case "PUT /api/v1/integrations/{id}/tools/{tool}/policy" -> Map.of("policy", "auto");
            case "PUT /api/v1/users/{id}/role" -> Map.of("role", "admin");
            case "POST /api/v1/users/{id}/password-reset" -> Map.of("delivery", "password");
            case "POST /api/v1/approvals/{id}/approve", "POST /api/v1/approvals/{id}/deny" -> Map.of("reason", "x");
            default -> Map.of();
        };
        return json(body);
    }

    private static String formBody(String route) {
        Map<String, String> fields = switch (route) {
            case "POST /clients/{slug}/mode" -> Map.of("mode", "execute");
            case "POST /clients/{slug}/delete" -> Map.of("confirmName", "Alpha Client Ltd");
            case "POST /clients/{slug}/prompt" -> Map.of("prompt", "taken over");
            case "POST /clients/{slug}/psa-mapping" -> Map.of("integrationKind", "autotask", "companyId", "42");
            case "POST /clients/{slug}/mappings/{kind}" -> Map.of("externalId", "taken-over");
            case "POST /integrations/{id}/tools/{tool}/policy" -> Map.of("policy", "auto");
            case "POST /users/{id}/role" -> Map.of("role", "admin");
            case "POST /users/{id}/reset-password" -> Map.of("delivery", "password");
            case "POST /approvals/{id}/decide" -> Map.of("decision", "approve");
            default -> Map.of();
        };
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> api(Tenant tenant, String method, String path, Object body) throws Exception {
        return send(method, path, "Bearer " + tenant.adminToken(), body == null ? null : json(body),
                "application/json");
    }

    private static HttpResponse<String> send(String method, String path, String authorization, String body,
                                             String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        request.header("Accept", path.startsWith("/api/") ? "application/json" : "text/html");
        return HTTP.send(request.build(), BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.uri() + ": "
                + response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
