package dev.steward.adapter.web.api;

import static dev.steward.adapter.web.TestServer.json;
import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.adapter.web.ServerPerTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IntegrationApiTest extends ServerPerTest {

    private static final String KEY = "cw-private-key-0123-WXYZ";

    private HttpResponse<String> connectPsa(String apiBase) {
        return server.post("/api/v1/integrations", json(Map.of("kind", "connectwise",
                "settings", Map.of("apiBase", apiBase, "companyId", "northwind"),
                "secrets", Map.of("privateKey", KEY))));
    }

    private static List<String> fields(HttpResponse<String> problem) {
        List<String> fields = new ArrayList<>();
        parse(problem).path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    @Test
    void connectsAnMspWidePsaAndNeverShowsItsSecretBack() {
        HttpResponse<String> created = connectPsa("https://cw.example/apis/3.0/");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(KEY);
        JsonNode integration = parse(created);
        String id = integration.path("id").asText();
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/integrations/" + id);
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(integration.path("scope").asText()).isEqualTo("msp");
        assertThat(integration.path("settings").path("companyId").asText()).isEqualTo("northwind");
        assertThat(integration.path("secrets").path("privateKey").path("set").asBoolean()).isTrue();
        assertThat(integration.path("secrets").path("privateKey").path("last4").asText()).isEqualTo("WXYZ");
        assertThat(integration.path("tools").get(1).path("policy").asText()).isEqualTo("approval_needed");
        for (String path : List.of("/api/v1/integrations", "/api/v1/integrations/" + id)) {
            HttpResponse<String> read = server.get(path);
            assertThat(read.statusCode()).as(path).isEqualTo(200);
            assertThat(read.body()).as(path).contains("WXYZ").doesNotContain(KEY);
        }
        assertThat(server.core.connected()).hasSize(1);
    }

    @Test
    void namesEveryBadFieldAndTheValueTheAdapterRefuses() {
        HttpResponse<String> incomplete = server.post("/api/v1/integrations", json(Map.of("kind", "connectwise",
                "settings", Map.of("companyId", "northwind", "colour", "red"))));
        assertThat(incomplete.statusCode()).isEqualTo(422);
        assertThat(incomplete.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(fields(incomplete)).containsExactlyInAnyOrder("settings.apiBase", "secrets.privateKey",
                "settings.colour");

        HttpResponse<String> unknownKind = server.post("/api/v1/integrations", json(Map.of("kind", "hudu")));
        assertThat(unknownKind.statusCode()).isEqualTo(422);
        assertThat(fields(unknownKind)).containsExactly("kind");

        HttpResponse<String> refused = connectPsa("ftp://cw.example");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(fields(refused)).containsExactly("settings.apiBase");
        assertThat(parse(server.get("/api/v1/integrations")).path("items").isEmpty()).isTrue();

        assertThat(connectPsa("https://cw.example").statusCode()).isEqualTo(201);
        assertThat(connectPsa("https://cw.example").statusCode()).as("one PSA of a kind per MSP").isEqualTo(409);
    }

    @Test
    void connectsAClientsOwnIntegrationAndListsItOnlyThere() {
        server.createClient("Acme", "acme");

        HttpResponse<String> created = server.post("/api/v1/clients/acme/integrations", json(Map.of("kind", "hudu",
                "settings", Map.of("baseUrl", "https://docs.example"), "secrets", Map.of("apiKey", "short"))));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode integration = parse(created);
        assertThat(integration.path("client").asText()).isEqualTo("acme");
        assertThat(integration.path("secrets").path("apiKey").path("last4").isNull())
                .as("too short to show any character").isTrue();
        assertThat(parse(server.get("/api/v1/clients/acme/integrations")).path("items")).hasSize(1);
        assertThat(parse(server.get("/api/v1/integrations")).path("items")).isEmpty();
        assertThat(server.get("/api/v1/clients/nobody/integrations").statusCode()).isEqualTo(404);
        assertThat(parse(server.get("/api/v1/integration-kinds?scope=client")).findValuesAsText("name"))
                .contains("hudu").doesNotContain("connectwise");
        assertThat(server.get("/api/v1/integration-kinds?scope=everywhere").statusCode()).isEqualTo(422);
    }

    @Test
    void setsAToolsPolicyWithIfMatchAndRefusesAStaleOne() {
        String id = parse(connectPsa("https://cw.example")).path("id").asText();
        String path = "/api/v1/integrations/" + id + "/tools/connectwise:update-status/policy";

        HttpResponse<String> set = server.put(path, json(Map.of("policy", "auto")), "If-Match", "\"1\"");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(parse(set).path("tools").get(1).path("policy").asText()).isEqualTo("auto");

        assertThat(server.put(path, json(Map.of("policy", "disabled")), "If-Match", "\"1\"").statusCode())
                .isEqualTo(412);
        HttpResponse<String> bad = server.put(path, json(Map.of("policy", "sometimes")));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(fields(bad)).containsExactly("policy");
        assertThat(server.put("/api/v1/integrations/" + id + "/tools/m365:get-user/policy",
                json(Map.of("policy", "auto"))).statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/integrations/" + id, "If-None-Match", "\"2\"").statusCode()).isEqualTo(304);
    }

    @Test
    void disconnectsAndForgetsTheSecrets() {
        String id = parse(connectPsa("https://cw.example")).path("id").asText();

        assertThat(server.delete("/api/v1/integrations/" + id, "").statusCode()).isEqualTo(204);

        assertThat(server.get("/api/v1/integrations/" + id).statusCode()).isEqualTo(404);
        assertThat(server.delete("/api/v1/integrations/" + id, "").statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/integrations/not-a-uuid").statusCode()).isEqualTo(404);
        assertThat(server.core.connected()).isEmpty();
        assertThat(server.core.vault.reveal(server.msp.id(),
                new dev.steward.domain.integration.IntegrationId(java.util.UUID.fromString(id)))).isEmpty();
    }

    @Test
    void showsEachToolsInputSchemaAndLetsTheMspMarkAToolSensitive() {
        String id = parse(connectPsa("https://cw.example")).path("id").asText();
        JsonNode getTicket = parse(server.get("/api/v1/integrations/" + id)).path("tools").get(0);
        assertThat(getTicket.path("name").asText()).isEqualTo("connectwise:get-ticket");
        assertThat(getTicket.path("inputSchema").path("type").asText()).isEqualTo("object");
        assertThat(getTicket.path("inputSchema").path("required").get(0).asText()).isEqualTo("ticket");
        assertThat(getTicket.path("sensitive").asBoolean()).isFalse();
        JsonNode kind = parse(server.get("/api/v1/integration-kinds?scope=msp")).get(0);
        assertThat(kind.path("tools").get(0).path("inputSchema").path("properties").has("ticket")).isTrue();

        HttpResponse<String> marked = server.put("/api/v1/integrations/" + id
                + "/tools/connectwise:get-ticket/sensitive", json(Map.of("sensitive", true)));

        assertThat(marked.statusCode()).isEqualTo(200);
        JsonNode tool = parse(marked).path("tools").get(0);
        assertThat(tool.path("sensitive").asBoolean()).isTrue();
        assertThat(tool.path("markedSensitive").asBoolean()).isTrue();
        assertThat(server.put("/api/v1/integrations/" + id + "/tools/connectwise:nothing/sensitive",
                json(Map.of("sensitive", true))).statusCode()).isEqualTo(404);
        HttpResponse<String> missing = server.put("/api/v1/integrations/" + id
                + "/tools/connectwise:get-ticket/sensitive", "{}");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(fields(missing)).containsExactly("sensitive");
    }

    @Test
    void showsHowAPsasEventsArriveAndWhenTheLastDeliveryWasAccepted() {
        server.core.psaProvider.registeringWebhooks();
        JsonNode created = parse(connectPsa("https://cw.example/apis/3.0/"));
        String id = created.path("id").asText();
        assertThat(created.path("webhook").path("setup").asText()).isEqualTo("registered");
        assertThat(created.path("webhook").path("url").asText())
                .isEqualTo("https://steward.test/hooks/psa/" + server.msp.id() + "/connectwise");
        assertThat(created.path("webhook").path("lastDeliveryAt").isNull()).isTrue();
        assertThat(created.path("webhook").has("secret")).as("null, never a registered secret")
                .isTrue();
        assertThat(created.path("webhook").path("secret").isNull()).isTrue();
        String before = server.get("/api/v1/integrations/" + id).headers().firstValue("ETag").orElseThrow();

        server.core.psaWebhooks.register(server.msp.id(), "connectwise", "s3cret");
        HttpResponse<String> delivered = server.raw("POST", "/hooks/psa/" + server.msp.id() + "/connectwise",
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"ticketId\":\"51001\"}"),
                "Content-Type", "application/json", "X-Steward-Secret", "s3cret");
        assertThat(delivered.statusCode()).isEqualTo(202);

        HttpResponse<String> read = server.get("/api/v1/integrations/" + id);
        assertThat(java.time.Instant.parse(parse(read).path("webhook").path("lastDeliveryAt").asText()))
                .isBetween(java.time.Instant.now().minusSeconds(60), java.time.Instant.now());
        assertThat(read.headers().firstValue("ETag")).as("what GET shows changed").isNotEqualTo(Optional.of(before));
        assertThat(parse(server.get("/api/v1/integrations")).path("items").get(0).path("webhook")
                .path("lastDeliveryAt").isNull()).isFalse();
    }
}
