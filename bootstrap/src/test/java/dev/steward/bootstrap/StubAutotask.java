package dev.steward.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Autotask REST 1.0 (THIRD-PARTY-APIS.md §3): zone discovery, the {@code ApiIntegrationCode}/{@code UserName}/
 * {@code Secret} headers (a bad user or code gives 500, a bad secret 401), per-tenant picklists, notes created
 * through {@code Tickets/{id}/Notes} with a {@code publish} level, the tickets' contacts by id ({@code Contacts/{id}},
 * one per requester address), and webhooks signed with base64 HMAC-SHA1.
 */
final class StubAutotask extends StubPsa {

    private static final String V1 = "/atservicesrest/v1.0/";
    private static final int INTERNAL_ONLY = 2;
    private static final Pattern TICKET = Pattern.compile("Tickets/(\\d+)");
    private static final Pattern NOTES = Pattern.compile("Tickets/(\\d+)/Notes");
    private static final Pattern CONTACT = Pattern.compile("Contacts/(\\d+)");
    private static final long FIRST_CONTACT = 30682411;

    /** Requester address → contact id. */
    private final Map<String, Long> contacts = new java.util.concurrent.ConcurrentHashMap<>();

    private final String userName;
    private final String integrationCode;
    private final String secret;

    StubAutotask() {
        this("api@acmemsp.example", "TRACKING-ID-1", "at-secret");
    }

    /** A tenant whose API user, integration code and secret are these. */
    StubAutotask(String userName, String integrationCode, String secret) {
        this.userName = userName;
        this.integrationCode = integrationCode;
        this.secret = secret;
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
        return Map.of("zoneLookupBase", baseUrl() + "/atservicesrest/", "userName", userName,
                "integrationCode", integrationCode, "secret", secret, "webhookSecret", "hook-secret");
    }

    @Override
    String authenticationHeader() {
        return "X-Hook-Signature";
    }

    @Override
    ObjectNode ticketRecord(long id, long company, String summary, String requester) {
        return JSON.createObjectNode().put("id", id).put("ticketNumber", "T20261123." + id).put("title", summary)
                .put("description", "").put("companyID", company).put("contactID", contactOf(requester)).put("status", 1)
                .put("priority", 2).put("queueID", 29683482).put("createDate", Instant.now().toString());
    }

    private long contactOf(String requester) {
        synchronized (contacts) {
            return contacts.computeIfAbsent(requester.toLowerCase(java.util.Locale.ROOT),
                    r -> FIRST_CONTACT + contacts.size());
        }
    }

    @Override
    Delivery ticketCreated(long id) {
        ObjectNode event = JSON.createObjectNode().put("Guid", UUID.randomUUID().toString()).put("EntityType", "Ticket")
                .put("Id", id).put("Action", "Create").put("PersonID", 29682886)
                .put("EventTime", Instant.now().toString());
        event.putObject("Fields").put("3", "(see ticket)");
        String body = event.toString();
        return new Delivery(Map.of("Content-Type", "application/json", "X-Hook-Signature",
                "sha1=" + Hmac.base64("HmacSHA1", "hook-secret".getBytes(StandardCharsets.UTF_8), body)), body);
    }

    @Override
    boolean internal(ObjectNode note) {
        return note.path("publish").asInt() == INTERNAL_ONLY;
    }

    @Override
    ResponseDefinition answer(Request request, String path) {
        if (path.equalsIgnoreCase(V1 + "zoneInformation")) {
            return json(200, Map.of("zoneName", "Stub Zone", "url", baseUrl() + "/atservicesrest/", "ci", 0));
        }
        if (!userName.equals(request.getHeader("UserName"))
                || !integrationCode.equals(request.getHeader("ApiIntegrationCode"))) {
            return errors(500, "Internal Server Error");
        }
        if (!secret.equals(request.getHeader("Secret"))) {
            return errors(401, "Unauthorized");
        }
        String resource = path.startsWith(V1) ? path.substring(V1.length()) : path;
        if (resource.equals("Tickets/entityInformation/fields")) {
            return fields(field("status", Map.of(1, "New", 8, "In Progress", 5, "Complete")));
        }
        if (resource.equals("TicketNotes/entityInformation/fields")) {
            return fields(field("publish", Map.of(1, "All Autotask Users", INTERNAL_ONLY, "Internal Only")),
                    field("noteType", Map.of(1, "Task Notes", 2, "Service Desk Notification")));
        }
        Matcher m;
        if ((m = NOTES.matcher(resource)).matches() && request.getMethod().equals(RequestMethod.POST)) {
            long id = Long.parseLong(m.group(1));
            JsonNode body = body(request);
            if (!exists(id)) {
                return errors(404, "Ticket not found");
            }
            if (!body.hasNonNull("publish") || !body.hasNonNull("noteType") || !body.hasNonNull("title")) {
                return errors(500, "publish, noteType and title are required");
            }
            ObjectNode note = ((ObjectNode) body.deepCopy()).put("createDateTime", Instant.now().toString());
            return json(200, Map.of("itemId", addNote(id, note).get("id").asLong()));
        }
        if ((m = NOTES.matcher(resource)).matches() && request.getMethod().equals(RequestMethod.GET)) {
            long id = Long.parseLong(m.group(1));
            if (!exists(id)) {
                return errors(404, "Ticket not found");
            }
            ObjectNode page = JSON.createObjectNode();
            page.putArray("items").addAll(notesOf(id));
            page.putObject("pageDetails").put("count", notesOf(id).size()).putNull("nextPageUrl");
            return json(200, page);
        }
        if ((m = CONTACT.matcher(resource)).matches() && request.getMethod().equals(RequestMethod.GET)) {
            long id = Long.parseLong(m.group(1));
            return contacts.entrySet().stream().filter(e -> e.getValue() == id).findFirst()
                    .map(e -> {
                        ObjectNode answer = JSON.createObjectNode();
                        answer.putObject("item").put("id", id).put("firstName", "Dana").put("lastName", "Reyes")
                                .put("emailAddress", e.getKey()).put("isActive", 1);
                        return json(200, answer);
                    }).orElseGet(() -> errors(404, "The requested resource does not exist."));
        }
        if ((m = TICKET.matcher(resource)).matches() && request.getMethod().equals(RequestMethod.GET)) {
            ObjectNode ticket = ticket(Long.parseLong(m.group(1)));
            ObjectNode answer = JSON.createObjectNode();
            answer.set("item", ticket);
            return json(200, answer);
        }
        return errors(404, "The requested resource does not exist.");
    }

    private static ObjectNode field(String name, Map<Integer, String> values) {
        ObjectNode field = JSON.createObjectNode().put("name", name).put("dataType", "integer").put("isPickList", true);
        ArrayNode list = field.putArray("picklistValues");
        values.forEach((v, l) -> list.addObject().put("value", String.valueOf(v)).put("label", l).put("isActive", true));
        return field;
    }

    private static ResponseDefinition fields(ObjectNode... fields) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("fields").addAll(List.of(fields));
        return json(200, body);
    }

    private static ResponseDefinition errors(int status, String message) {
        return json(status, Map.of("errors", List.of(message)));
    }
}
