package dev.steward.adapter.web.api;

import static dev.steward.adapter.web.TestServer.json;
import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.adapter.web.ServerPerTest;
import dev.steward.adapter.web.http.Digests;
import dev.steward.adapter.web.http.IdempotencyKeys;
import dev.steward.application.client.CreateClientCommand;
import dev.steward.application.client.ListClientsQuery;
import dev.steward.application.idempotency.AnswerOnceService;
import dev.steward.adapter.web.TestServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A POST retried with the same Idempotency-Key never creates a second client and gets the first answer again. */
class IdempotentCreateTest extends ServerPerTest {

    private HttpResponse<String> create(String key, String name, String slug) {
        return server.post("/api/v1/clients", json(Map.of("name", name, "slug", slug)), "Idempotency-Key", key);
    }

    @Test
    void replaysTheFirstResponseToARetry() {
        HttpResponse<String> first = create("key-1", "Acme", "acme");
        HttpResponse<String> retry = create("key-1", "Acme", "acme");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(parse(server.get("/api/v1/clients")).path("items").size()).isEqualTo(1);
    }

    @Test
    void createsOnceWhenRetriesRace() throws Exception {
        List<Callable<HttpResponse<String>>> attempts = IntStream.range(0, 8)
                .<Callable<HttpResponse<String>>>mapToObj(i -> () -> create("race", "Racer", "racer"))
                .toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<HttpResponse<String>>> answers = pool.invokeAll(attempts);
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(201);
            }
        }
        assertThat(parse(server.get("/api/v1/clients")).path("items").size()).isEqualTo(1);
    }

    @Test
    void refusesTheSameKeyWithAnotherBody() {
        create("key-2", "Acme", "acme");

        HttpResponse<String> other = create("key-2", "Globex", "globex");

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(parse(other).path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(server.get("/api/v1/clients/globex").statusCode()).isEqualTo(404);
    }

    @Test
    void letsAFailedRequestBeRetriedWithTheSameKey() {
        HttpResponse<String> invalid = server.post("/api/v1/clients", json(Map.of("name", "Acme", "slug", "Bad Slug")),
                "Idempotency-Key", "key-3");
        assertThat(invalid.statusCode()).isEqualTo(422);

        HttpResponse<String> again = server.post("/api/v1/clients", json(Map.of("name", "Acme", "slug", "Bad Slug")),
                "Idempotency-Key", "key-3");
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void scopesKeysToTheRequestAndRefusesAMalformedKey() {
        assertThat(create("key-4", "Acme", "acme").statusCode()).isEqualTo(201);
        assertThat(create("key-5", "Acme", "acme").statusCode()).as("a new key is a new request").isEqualTo(409);

        HttpResponse<String> malformed = create("has space", "Initech", "initech");
        assertThat(malformed.statusCode()).isEqualTo(422);
        assertThat(parse(malformed).path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void anotherInstanceSharingTheStoreReplaysTooWithoutActing() {
        HttpResponse<String> first = create("shared-key", "Acme", "acme");
        IdempotencyKeys elsewhere = new IdempotencyKeys(new AnswerOnceService(server.core.idempotencyRecords,
                server.core.unitOfWork, java.time.Clock.systemUTC()));

        IdempotencyKeys.StoredResponse replayed = elsewhere.once(server.msp.id(), "shared-key",
                json(Map.of("name", "Acme", "slug", "acme")).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                () -> {
                    throw new AssertionError("a replay must not act again");
                });

        assertThat(replayed.status()).isEqualTo(201);
        assertThat(new String(replayed.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(first.body());
        assertThat(replayed.headers()).containsEntry("Idempotent-Replayed", "true");
    }

    @Test
    void anAttemptThatDiesAfterItsEffectLeavesNothingSoTheRetryCreatesTheClientOnce() {
        byte[] body = json(Map.of("name", "Acme", "slug", "acme")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // the first attempt creates the client, then its instance dies before the response is stored
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new IdempotencyKeys(server.core.answerOnce)
                .once(server.msp.id(), "dies-midway", body, () -> {
                    server.core.create.create(new CreateClientCommand(server.msp.id(), "Acme", "acme"));
                    throw new IllegalStateException("instance killed");
                })).hasMessage("instance killed");

        HttpResponse<String> retry = create("dies-midway", "Acme", "acme");

        assertThat(retry.statusCode()).as("not 409 slug.taken: the first attempt left nothing").isEqualTo(201);
        assertThat(create("dies-midway", "Acme", "acme").headers().firstValue("Idempotent-Replayed"))
                .contains("true");
        assertThat(server.core.list.list(ListClientsQuery.firstPage(server.msp.id())).items())
                .hasSize(1);
    }
}
