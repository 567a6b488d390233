package dev.steward.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A PSA's REST API in memory, behind WireMock, for the end-to-end ITs: tickets seeded by the test, the calls the
 * adapter makes between a webhook and the note (auth, read the ticket, post a note) answered in the vendor's shapes
 * (THIRD-PARTY-APIS.md, as in adapters-psa's stubs), every note kept, and the moment each ticket's first note arrived
 * recorded so the IT can time webhook → note without polling. Each subclass also signs its webhook deliveries the
 * way the vendor does.
 */
abstract class StubPsa implements ResponseDefinitionTransformerV2 {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A webhook delivery: the headers and the raw body the PSA would send. */
    record Delivery(Map<String, String> headers, String body) {
        /** The same delivery with one header replaced (to forge its signature or credentials). */
        Delivery with(String header, String value) {
            Map<String, String> changed = new java.util.HashMap<>(headers);
            changed.put(header, value);
            return new Delivery(Map.copyOf(changed), body);
        }

        HttpRequest.Builder applyTo(HttpRequest.Builder request) {
            headers.forEach(request::header);
            return request.POST(HttpRequest.BodyPublishers.ofString(body));
        }
    }

    private final Map<Long, ObjectNode> tickets = new ConcurrentHashMap<>();
    private final Map<Long, List<ObjectNode>> notes = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Long>> firstNoteAt = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> reads = new ConcurrentHashMap<>();
    private final AtomicInteger nextNote = new AtomicInteger(880_000);
    private volatile String baseUrl = "";

    /** The integration kind ({@code connectwise}, {@code halopsa}, {@code autotask}). */
    abstract String kind();

    /** The values (settings and secrets in one map) that connect this stub at {@link #baseUrl()}. */
    abstract Map<String, String> settings();

    /** The header that authenticates a webhook delivery (a signature or credentials). */
    abstract String authenticationHeader();

    /** The vendor's ticket record for a new ticket of {@code company}. */
    abstract ObjectNode ticketRecord(long id, long company, String summary, String requester);

    /** The signed webhook delivery the vendor sends when ticket {@code id} is created. */
    abstract Delivery ticketCreated(long id);

    /** Whether a stored note is hidden from the requester. */
    abstract boolean internal(ObjectNode note);

    /** Answers one request in the vendor's shapes; helpers below keep the state. */
    abstract ResponseDefinition answer(Request request, String path);

    @Override
    public final ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        return answer(request, request.getUrl().replaceFirst("\\?.*$", ""));
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    /** Where WireMock serves this stub ({@code http://localhost:port}); set once it is started. */
    void serveAt(String url) {
        baseUrl = url;
    }

    String baseUrl() {
        return baseUrl;
    }

    long seed(long id, long company, String summary, String requester) {
        tickets.put(id, ticketRecord(id, company, summary, requester));
        notes.put(id, new ArrayList<>());
        firstNoteAt.put(id, new CompletableFuture<>());
        reads.put(id, new AtomicInteger());
        return id;
    }

    ObjectNode ticket(long id) {
        ObjectNode ticket = tickets.get(id);
        if (ticket != null) {
            reads.get(id).incrementAndGet();
        }
        return ticket;
    }

    /** How often the adapter read ticket {@code id}: each intake reads it once, replays included. */
    int reads(long id) {
        return reads.get(id).get();
    }

    /** Changes the ticket's record as the vendor's API was asked to; the changed record (not counted as a read). */
    ObjectNode update(long id, java.util.function.Consumer<ObjectNode> change) {
        ObjectNode ticket = tickets.get(id);
        synchronized (ticket) {
            change.accept(ticket);
            return ticket.deepCopy();
        }
    }

    /** The ticket's record as stored now, without counting a read. */
    ObjectNode record(long id) {
        return tickets.get(id).deepCopy();
    }

    boolean exists(long id) {
        return tickets.containsKey(id);
    }

    ObjectNode addNote(long ticket, ObjectNode note) {
        note.put("id", nextNote.incrementAndGet());
        List<ObjectNode> list = notes.get(ticket);
        synchronized (list) {
            list.add(note);
        }
        firstNoteAt.get(ticket).complete(System.nanoTime());
        return note;
    }

    List<ObjectNode> notesOf(long ticket) {
        List<ObjectNode> list = notes.get(ticket);
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    /** Completes with {@link System#nanoTime()} at the moment the ticket's first note was stored. */
    CompletableFuture<Long> firstNote(long ticket) {
        return firstNoteAt.get(ticket);
    }

    static JsonNode body(Request request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + request.getBodyAsString(), e);
        }
    }

    static ResponseDefinition json(int status, Object body) {
        try {
            return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody(body instanceof String s ? s : JSON.writeValueAsString(body)).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
