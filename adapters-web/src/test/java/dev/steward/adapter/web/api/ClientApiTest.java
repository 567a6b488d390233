package dev.steward.adapter.web.api;

import static dev.steward.adapter.web.TestServer.json;
import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.adapter.web.TestServer;
import dev.steward.adapter.web.WebFixtures;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.Slug;
import dev.steward.domain.work.WorkItem;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ClientApiTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String uniqueSlug() {
        return "acme-" + SEQ.incrementAndGet();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = parse(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("type").asText()).isEqualTo("urn:steward:problem:" + code);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    private static JsonNode onlyError(HttpResponse<String> response) {
        JsonNode errors = parse(response).path("errors");
        assertThat(errors.size()).as(response.body()).isEqualTo(1);
        return errors.get(0);
    }

    @Nested
    class Create {

        @Test
        void answers201WithLocationAndTheNewClient() {
            String slug = uniqueSlug();
            HttpResponse<String> response = server.post("/api/v1/clients",
                    json(Map.of("name", "  Acme Corp ", "slug", slug)));

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/clients/" + slug);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            JsonNode client = parse(response);
            assertThat(client.path("slug").asText()).isEqualTo(slug);
            assertThat(client.path("name").asText()).isEqualTo("Acme Corp");
            assertThat(client.path("status").asText()).isEqualTo("creating");
            assertThat(client.path("deployStatus").path("state").asText()).isEqualTo("deploying");
            assertThat(client.path("mode").asText()).isEqualTo("inherit");
            assertThat(client.path("effectiveMode").asText()).isEqualTo("plan");
            assertThat(client.path("configVersion").asLong()).isEqualTo(1);
            assertThat(client.path("version").asLong()).isEqualTo(1);
            assertThat(client.path("id").asText()).hasSize(36);
            assertThat(Instant.parse(client.path("createdAt").asText())).isNotNull();
            assertThat(client.path("lastChange").path("to").asText()).isEqualTo("creating");
            assertThat(client.path("lastChange").path("from").isNull()).isTrue();
        }

        @Test
        void refusesATakenSlugWith409NamingTheSlugField() {
            String slug = uniqueSlug();
            server.createClient("First", slug);

            HttpResponse<String> response = server.post("/api/v1/clients", json(Map.of("name", "Second", "slug", slug)));

            assertProblem(response, 409, "slug.taken");
            assertThat(onlyError(response).path("field").asText()).isEqualTo("slug");
        }

        @Test
        void namesEveryInvalidFieldWith422() {
            HttpResponse<String> response = server.post("/api/v1/clients", json(Map.of("name", " ", "slug", "Acme_1")));

            assertProblem(response, 422, "input.invalid");
            JsonNode errors = parse(response).path("errors");
            assertThat(errors).extracting(e -> e.path("field").asText()).containsExactlyInAnyOrder("name", "slug");
            assertThat(errors).extracting(e -> e.path("code").asText())
                    .containsExactlyInAnyOrder("name.required", "slug.invalid-character");
            assertThat(errors).allSatisfy(e -> assertThat(e.path("message").asText()).isNotBlank());
        }

        @Test
        void reportsMissingFieldsAsRequired() {
            HttpResponse<String> response = server.post("/api/v1/clients", "{}");

            assertProblem(response, 422, "input.invalid");
            assertThat(parse(response).path("errors")).extracting(e -> e.path("field").asText())
                    .containsExactlyInAnyOrder("name", "slug");
        }
    }

    @Nested
    class ListAndGet {

        @Test
        void pagesThroughClientsWithTheNextCursor() {
            String prefix = "page-" + SEQ.incrementAndGet();
            for (int i = 1; i <= 3; i++) {
                server.createClient("Paged " + i, prefix + "-" + i);
            }

            JsonNode first = parse(server.get("/api/v1/clients?search=" + prefix + "&limit=2"));
            assertThat(first.path("items")).extracting(c -> c.path("slug").asText())
                    .containsExactly(prefix + "-1", prefix + "-2");
            assertThat(first.path("next").asText()).isEqualTo(prefix + "-2");

            JsonNode second = parse(server.get("/api/v1/clients?search=" + prefix + "&limit=2&after="
                    + first.path("next").asText()));
            assertThat(second.path("items")).extracting(c -> c.path("slug").asText()).containsExactly(prefix + "-3");
            assertThat(second.path("next").isNull()).isTrue();
        }

        @Test
        void carriesEachClientsRequestsWaitingAndLastActivity() {
            String prefix = "glance-" + SEQ.incrementAndGet();
            server.createClient("Busy", prefix + "-busy");
            server.createClient("Quiet", prefix + "-quiet");
            Client busy = server.core.clients.find(server.msp.id(), Slug.of(prefix + "-busy")).orElseThrow();
            Instant last = Instant.parse("2026-11-30T14:05:09Z");
            for (int n = 1; n <= 2; n++) {
                server.core.agentApi.work.add(WorkItem.newTicket(UUID.randomUUID(), server.msp.id(), busy.id(),
                        UUID.randomUUID(), n, "printer " + n + " jammed", Instant.now()));
            }
            server.core.activityLog.append(List.of(WebFixtures.request(busy, last.minusSeconds(60)),
                    WebFixtures.request(busy, last)));

            JsonNode items = parse(server.get("/api/v1/clients?search=" + prefix)).path("items");

            assertThat(items).extracting(c -> c.path("slug").asText())
                    .containsExactly(prefix + "-busy", prefix + "-quiet");
            assertThat(items.get(0).path("requestsWaiting").asInt()).isEqualTo(2);
            assertThat(items.get(0).path("lastActivityAt").asText()).isEqualTo("2026-11-30T14:05:09Z");
            assertThat(items.get(0).path("name").asText()).as("still the client's own fields").isEqualTo("Busy");
            assertThat(items.get(1).path("requestsWaiting").asInt()).isZero();
            assertThat(items.get(1).has("lastActivityAt")).isTrue();
            assertThat(items.get(1).path("lastActivityAt").isNull()).as("none yet").isTrue();
        }

        @Test
        void filtersByStatus() {
            String slug = uniqueSlug();
            server.createClient("Doomed", slug);
            server.delete("/api/v1/clients/" + slug, json(Map.of("confirmName", "Doomed")));

            JsonNode destroyed = parse(server.get("/api/v1/clients?status=destroyed&limit=500"));
            assertThat(destroyed.path("items")).extracting(c -> c.path("slug").asText()).contains(slug);
            assertThat(destroyed.path("items")).allSatisfy(c -> assertThat(c.path("status").asText())
                    .isEqualTo("destroyed"));
        }

        @Test
        void refusesAnUnknownStatusFilterNamingTheParameter() {
            HttpResponse<String> response = server.get("/api/v1/clients?status=sleeping");

            assertProblem(response, 422, "status.unknown");
            assertThat(onlyError(response).path("field").asText()).isEqualTo("status");
        }

        @Test
        void refusesANonNumericOrOutOfRangeLimitNamingTheParameter() {
            HttpResponse<String> text = server.get("/api/v1/clients?limit=ten");
            assertProblem(text, 422, "limit.not-a-number");
            assertThat(onlyError(text).path("field").asText()).isEqualTo("limit");

            HttpResponse<String> tooMany = server.get("/api/v1/clients?limit=100000");
            assertProblem(tooMany, 422, "limit.max");
            assertThat(onlyError(tooMany).path("field").asText()).isEqualTo("limit");
        }

        @Test
        void getsOneClientBySlug() {
            String slug = uniqueSlug();
            server.createClient("Globex", slug);

            HttpResponse<String> response = server.get("/api/v1/clients/" + slug);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(parse(response).path("name").asText()).isEqualTo("Globex");
            assertThat(response.headers().firstValue("ETag")).hasValue("\"1.plan\"");
        }

        @Test
        void answers404ForAnUnknownOrMalformedSlug() {
            assertProblem(server.get("/api/v1/clients/no-such-client"), 404, "client.not-found");
            assertProblem(server.get("/api/v1/clients/NOT%20A%20SLUG"), 404, "client.not-found");
        }
    }

    @Nested
    class Mode {

        @Test
        void changesTheModeAndShowsTheEffectiveMode() {
            String slug = uniqueSlug();
            server.createClient("Initech", slug);

            HttpResponse<String> response = server.put("/api/v1/clients/" + slug + "/mode",
                    json(Map.of("mode", "execute")));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(parse(response).path("mode").asText()).isEqualTo("execute");
            assertThat(parse(response).path("effectiveMode").asText()).isEqualTo("execute");
            assertThat(parse(response).path("configVersion").asLong()).isEqualTo(2);
        }

        @Test
        void refusesAnUnknownModeNamingTheField() {
            String slug = uniqueSlug();
            server.createClient("Initech", slug);

            HttpResponse<String> response = server.put("/api/v1/clients/" + slug + "/mode", json(Map.of("mode", "yolo")));

            assertProblem(response, 422, "mode.unknown");
            assertThat(onlyError(response).path("field").asText()).isEqualTo("mode");
        }

        @Test
        void refusesAStaleIfMatchWith412AndAMalformedOneWith422() {
            String slug = uniqueSlug();
            server.createClient("Initech", slug);
            server.put("/api/v1/clients/" + slug + "/mode", json(Map.of("mode", "execute")));

            assertProblem(server.put("/api/v1/clients/" + slug + "/mode", json(Map.of("mode", "plan")),
                    "If-Match", "\"1.plan\""), 412, "version.stale");
            HttpResponse<String> malformed = server.put("/api/v1/clients/" + slug + "/mode",
                    json(Map.of("mode", "plan")), "If-Match", "yesterday");
            assertProblem(malformed, 422, "if-match.malformed");
            assertThat(onlyError(malformed).path("field").asText()).isEqualTo("If-Match");
            assertThat(parse(server.get("/api/v1/clients/" + slug)).path("mode").asText()).isEqualTo("execute");
        }

        @Test
        void acceptsACurrentIfMatch() {
            String slug = uniqueSlug();
            server.createClient("Initech", slug);
            String etag = server.get("/api/v1/clients/" + slug).headers().firstValue("ETag").orElseThrow();

            HttpResponse<String> response = server.put("/api/v1/clients/" + slug + "/mode",
                    json(Map.of("mode", "plan")), "If-Match", etag);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("ETag")).hasValue("\"2.plan\"");
        }
    }

    @Nested
    class Delete {

        @Test
        void refusesAWrongNameWith422OnConfirmNameAndChangesNothing() {
            String slug = uniqueSlug();
            server.createClient("Umbrella Corp", slug);

            HttpResponse<String> response = server.delete("/api/v1/clients/" + slug,
                    json(Map.of("confirmName", "umbrella corp")));

            assertProblem(response, 422, "client.deletion-not-confirmed");
            assertThat(onlyError(response).path("field").asText()).isEqualTo("confirmName");
            assertThat(parse(server.get("/api/v1/clients/" + slug)).path("status").asText()).isEqualTo("creating");
        }

        @Test
        void refusesAMissingConfirmationNamingTheField() {
            String slug = uniqueSlug();
            server.createClient("Umbrella Corp", slug);

            HttpResponse<String> response = server.delete("/api/v1/clients/" + slug, "{}");

            assertProblem(response, 422, "confirmName.not-null");
            assertThat(onlyError(response).path("field").asText()).isEqualTo("confirmName");
        }

        @Test
        void destroysWithTheExactNameAndRefusesASecondDeleteWith409() {
            String slug = uniqueSlug();
            server.createClient("Umbrella Corp", slug);

            HttpResponse<String> deleted = server.delete("/api/v1/clients/" + slug,
                    json(Map.of("confirmName", "Umbrella Corp")));
            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
            assertThat(parse(deleted).path("status").asText()).isEqualTo("destroyed");

            assertProblem(server.delete("/api/v1/clients/" + slug, json(Map.of("confirmName", "Umbrella Corp"))),
                    409, "status.illegal-transition");
        }

        @Test
        void answers404ForAnUnknownClient() {
            assertProblem(server.delete("/api/v1/clients/nobody-here", json(Map.of("confirmName", "x"))), 404,
                    "client.not-found");
        }
    }

    @Nested
    class HistoryAndRetry {

        @Test
        void listsTheStatusHistoryOldestFirst() {
            String slug = uniqueSlug();
            server.createClient("Hooli", slug);
            server.delete("/api/v1/clients/" + slug, json(Map.of("confirmName", "Hooli")));

            JsonNode history = parse(server.get("/api/v1/clients/" + slug + "/history"));

            assertThat(history).extracting(c -> c.path("to").asText()).containsExactly("creating", "destroyed");
            assertThat(history.get(1).path("from").asText()).isEqualTo("creating");
            assertThat(history.get(1).path("reason").asText()).isNotBlank();
        }

        @Test
        void refusesToRetryAClientThatIsNotInError() {
            String slug = uniqueSlug();
            server.createClient("Hooli", slug);

            assertProblem(server.post("/api/v1/clients/" + slug + "/retry", ""), 409, "status.illegal-transition");
        }

        @Test
        void retriesAClientInError() {
            String slug = uniqueSlug();
            server.createClient("Hooli", slug);
            Client stored = server.core.clients.find(server.msp.id(), Slug.of(slug)).orElseThrow();
            server.core.clients.update(stored.movedTo(AgentStatus.ERROR, "image missing", Instant.now()));

            HttpResponse<String> response = server.post("/api/v1/clients/" + slug + "/retry", "");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(parse(response).path("status").asText()).isEqualTo("provisioning");
            assertThat(parse(response).path("lastChange").path("reason").asText()).isEqualTo("manual retry");
        }
    }
}
