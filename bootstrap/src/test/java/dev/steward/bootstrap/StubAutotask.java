package dev.steward.bootstrap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.steward.adapter.psa.autotask.FakeAutotask;
import dev.steward.application.port.psa.TicketSystemContract.TicketSeed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Autotask for the end-to-end ITs: adapters-psa's {@link FakeAutotask} (the one Autotask stub, THIRD-PARTY-APIS.md
 * §3: zone discovery, the three auth headers, picklists, tickets, contacts, notes, ticket webhooks) behind this
 * harness's {@link StubPsa} shape. What is added here is what Autotask sends rather than answers: webhook deliveries
 * signed with base64 HMAC-SHA1, set up by hand ({@code webhookSecret}, {@link #ticketCreated}) or registered by
 * Steward through {@code TicketWebhooks} ({@link #registeringWebhooks}) and called by {@link #fire}, never for a
 * resource the webhook excludes.
 */
final class StubAutotask extends StubPsa {

    private static final String HOOK_SECRET = "hook-secret";
    /** A technician's resource: the API user's own ({@link #API_RESOURCE}) would be Steward's change. */
    private static final long TECHNICIAN = 29682999;
    /** The API user's resource (what Steward must exclude from its webhook). */
    static final long API_RESOURCE = FakeAutotask.apiResource();

    private final FakeAutotask fake;
    private final String userName;
    private final String integrationCode;
    private final String secret;
    private final Map<Long, CompletableFuture<Long>> firstNoteAt = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean webhookByHand = true;

    StubAutotask() {
        this(FakeAutotask.USER, FakeAutotask.INTEGRATION_CODE, FakeAutotask.SECRET);
    }

    /** A tenant whose API user, integration code and secret are these. */
    StubAutotask(String userName, String integrationCode, String secret) {
        this.userName = userName;
        this.integrationCode = integrationCode;
        this.secret = secret;
        this.fake = new FakeAutotask(userName, integrationCode, secret)
                .onNote(ticket -> firstNoteAt.computeIfAbsent(ticket, t -> new CompletableFuture<>())
                        .complete(System.nanoTime()));
    }

    @Override
    public String getName() {
        return "stub-autotask";
    }

    @Override
    String kind() {
        return "autotask";
    }

    @Override
    Map<String, String> settings() {
        Map<String, String> values = new java.util.HashMap<>(Map.of("zoneLookupBase", baseUrl() + "/atservicesrest/",
                "userName", userName, "integrationCode", integrationCode, "secret", secret));
        if (webhookByHand) {
            values.put("webhookSecret", HOOK_SECRET);
        }
        return Map.copyOf(values);
    }

    /** The tenant as connected without a webhook secret, so that Steward registers its own webhook. */
    StubAutotask registeringWebhooks() {
        webhookByHand = false;
        return this;
    }

    @Override
    String authenticationHeader() {
        return "X-Hook-Signature";
    }

    @Override
    ResponseDefinition answer(Request request, String path) {
        return fake.respond(request);
    }

    /** A ticket of {@code company} in the fake; its id is the fake's, not {@code id}. */
    @Override
    long seed(long id, long company, String summary, String requester) {
        long ticket = Long.parseLong(fake.seed(new TicketSeed(Long.toString(company), summary, "", requester,
                Instant.now(), false)));
        firstNoteAt.computeIfAbsent(ticket, t -> new CompletableFuture<>());
        return ticket;
    }

    @Override
    ObjectNode ticketRecord(long id, long company, String summary, String requester) {
        throw new UnsupportedOperationException("FakeAutotask keeps the tickets: seed them with seed(…)");
    }

    @Override
    List<ObjectNode> notesOf(long ticket) {
        return fake.notesOf(ticket);
    }

    @Override
    CompletableFuture<Long> firstNote(long ticket) {
        return firstNoteAt.computeIfAbsent(ticket, t -> new CompletableFuture<>());
    }

    /** How often the adapter read ticket {@code id} ({@code GET Tickets/{id}}). */
    @Override
    int reads(long id) {
        String path = "/atservicesrest/v1.0/Tickets/" + id;
        return (int) fake.requests().stream().filter(r -> r.getMethod().equals(RequestMethod.GET)
                && r.getUrl().replaceFirst("\\?.*$", "").equals(path)).count();
    }

    @Override
    boolean internal(ObjectNode note) {
        return note.path("publish").asInt() == FakeAutotask.INTERNAL_ONLY;
    }

    @Override
    Delivery ticketCreated(long id) {
        ObjectNode event = JSON.createObjectNode().put("Guid", UUID.randomUUID().toString()).put("EntityType", "Ticket")
                .put("Id", id).put("Action", "Create").put("PersonID", TECHNICIAN)
                .put("EventTime", Instant.now().toString());
        event.putObject("Fields").put("3", "(see ticket)");
        String body = event.toString();
        return new Delivery(Map.of("Content-Type", "application/json", "X-Hook-Signature",
                "sha1=" + Hmac.base64("HmacSHA1", HOOK_SECRET.getBytes(StandardCharsets.UTF_8), body)), body);
    }

    /** The ticket webhooks registered now. */
    List<ObjectNode> webhooks() {
        return fake.webhooks();
    }

    /**
     * What Autotask does when resource {@code person} updates a subscribed field of ticket {@code id}: POSTs the
     * event, signed with each webhook's secret key, to every active webhook with a subscribed field that does not
     * exclude the person.
     *
     * @return the HTTP status of each delivery, by URL
     */
    Map<String, Integer> fire(long id, long person) throws Exception {
        Map<String, Integer> answered = new LinkedHashMap<>();
        for (ObjectNode webhook : fake.webhooksCalledFor(person)) {
            ObjectNode event = JSON.createObjectNode().put("Guid", webhook.path("webhookGUID").asText())
                    .put("EntityType", "Ticket").put("Id", id).put("Action", "Update").put("PersonID", person)
                    .put("EventTime", Instant.now().toString()).put("SequenceNumber", sequence.incrementAndGet());
            event.putObject("Fields").put("4", "8");
            String body = event.toString();
            Delivery delivery = new Delivery(Map.of("Content-Type", "application/json", "X-Hook-Signature",
                    Hmac.base64("HmacSHA1", webhook.path("secretKey").asText().getBytes(StandardCharsets.UTF_8),
                            body)), body);
            String url = webhook.path("webhookUrl").asText();
            answered.put(url, HttpClient.newHttpClient().send(delivery.applyTo(HttpRequest.newBuilder(URI.create(url)))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        }
        return answered;
    }
}
