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
import java.util.stream.StreamSupport;

/**
 * Autotask REST 1.0 (THIRD-PARTY-APIS.md §3): zone discovery, the {@code ApiIntegrationCode}/{@code UserName}/
 * {@code Secret} headers (a bad user or code gives 500, a bad secret 401), per-tenant picklists, notes created
 * through {@code Tickets/{id}/Notes} with a {@code publish} level, the tickets' contacts by id ({@code Contacts/{id}},
 * one per requester address), and webhooks signed with base64 HMAC-SHA1: set up by hand ({@code webhookSecret}), or
 * registered by Steward through {@code TicketWebhooks} ({@link #registeringWebhooks}) and called by {@link #fire},
 * never for a resource the webhook excludes.
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
        Map<String, String> values = new java.util.HashMap<>(Map.of("zoneLookupBase", baseUrl() + "/atservicesrest/",
                "userName", userName, "integrationCode", integrationCode, "secret", secret));
        if (webhookByHand) {
            values.put("webhookSecret", "hook-secret");
        }
        return Map.copyOf(values);
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
                // created by a technician's resource: the API user's own (API_RESOURCE) would be Steward's change
                .put("Id", id).put("Action", "Create").put("PersonID", 29682999)
                .put("EventTime", Instant.now().toString());
        event.putObject("Fields").put("3", "(see ticket)");
        String body = event.toString();
        return new Delivery(Map.of("Content-Type", "application/json", "X-Hook-Signature",
                "sha1=" + Hmac.base64("HmacSHA1", "hook-secret".getBytes(StandardCharsets.UTF_8), body)), body);
    }

    /** The API user's resource (what Steward must exclude from its webhook). */
    static final long API_RESOURCE = 29682886;
    /** The tenant's ticket fields a webhook can subscribe to ({@code fieldID} picklist of TicketWebhookFields). */
    private static final Map<Integer, String> WEBHOOK_FIELDS = Map.of(4, "Status", 5, "Title", 12, "LastActivityDate");
    private static final Pattern WEBHOOK = Pattern.compile("TicketWebhooks/(\\d+)");
    private static final Pattern WEBHOOK_CHILD = Pattern.compile("TicketWebhooks/(\\d+)/(Fields|ExcludedResources)");
    /** Ticket webhooks by id, each with its {@code fields} and {@code excludedResources}. */
    private final Map<Long, ObjectNode> webhooks = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong nextWebhook = new java.util.concurrent.atomic.AtomicLong(90);
    private volatile boolean webhookByHand = true;

    /** The tenant as connected without a webhook secret, so that Steward registers its own webhook. */
    StubAutotask registeringWebhooks() {
        webhookByHand = false;
        return this;
    }

    /** The ticket webhooks registered now. */
    List<ObjectNode> webhooks() {
        return webhooks.values().stream().map(ObjectNode::deepCopy).toList();
    }

    /**
     * What Autotask does when resource {@code person} updates a subscribed field of ticket {@code id}: POSTs the
     * event, signed with each webhook's secret key, to every active webhook with a subscribed field that does not
     * exclude the person.
     *
     * @return the HTTP status of each delivery, by URL
     */
    Map<String, Integer> fire(long id, long person) throws Exception {
        Map<String, Integer> answered = new java.util.LinkedHashMap<>();
        for (ObjectNode webhook : webhooks()) {
            boolean subscribed = StreamSupport.stream(webhook.path("fields").spliterator(), false)
                    .anyMatch(f -> f.path("isSubscribedField").asBoolean());
            boolean excluded = StreamSupport.stream(webhook.path("excludedResources").spliterator(), false)
                    .anyMatch(r -> r.path("resourceID").asLong() == person);
            if (!webhook.path("isActive").asBoolean() || !subscribed || excluded) {
                continue;
            }
            ObjectNode event = JSON.createObjectNode().put("Guid", webhook.path("webhookGUID").asText())
                    .put("EntityType", "Ticket").put("Id", id).put("Action", "Update").put("PersonID", person)
                    .put("EventTime", Instant.now().toString()).put("SequenceNumber", nextWebhook.incrementAndGet());
            event.putObject("Fields").put("4", "8");
            String body = event.toString();
            Delivery delivery = new Delivery(Map.of("Content-Type", "application/json", "X-Hook-Signature",
                    Hmac.base64("HmacSHA1", webhook.path("secretKey").asText().getBytes(StandardCharsets.UTF_8),
                            body)), body);
            String url = webhook.path("webhookUrl").asText();
            answered.put(url, java.net.http.HttpClient.newHttpClient().send(delivery.applyTo(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode());
        }
        return answered;
    }

    /** As Autotask validates a webhook: booleans, lengths, required URLs and secret (500 with its error shape). */
    private ResponseDefinition createWebhook(JsonNode webhook) {
        boolean valid = webhook.path("isActive").isBoolean() && webhook.path("isSubscribedToCreateEvents").isBoolean()
                && webhook.path("isSubscribedToUpdateEvents").isBoolean()
                && webhook.path("isSubscribedToDeleteEvents").isBoolean()
                && !webhook.path("name").asText("").isEmpty() && webhook.path("name").asText().length() <= 50
                && webhook.path("webhookUrl").asText("").matches("https?://\\S{1,490}")
                && webhook.path("deactivationUrl").asText("").matches("https?://\\S{1,490}")
                && !webhook.path("secretKey").asText("").isEmpty() && webhook.path("secretKey").asText().length() <= 64;
        if (!valid) {
            return errors(500, "The webhook is not valid.");
        }
        long id = nextWebhook.incrementAndGet();
        ObjectNode stored = ((ObjectNode) webhook.deepCopy()).put("id", id).put("ownerResourceID", API_RESOURCE)
                .put("webhookGUID", UUID.randomUUID().toString());
        stored.putArray("fields");
        stored.putArray("excludedResources");
        webhooks.put(id, stored);
        return json(200, Map.of("itemId", id));
    }

    private ResponseDefinition addToWebhook(long id, String child, JsonNode body) {
        ObjectNode webhook = webhooks.get(id);
        if (webhook == null) {
            return errors(404, "The requested resource does not exist.");
        }
        if (child.equals("Fields") && !WEBHOOK_FIELDS.containsKey(body.path("fieldID").asInt(-1))) {
            return errors(500, "fieldID is not a ticket field of this tenant");
        }
        if (child.equals("ExcludedResources") && body.path("resourceID").asLong(-1) != API_RESOURCE) {
            return errors(500, "resourceID is not a resource");
        }
        synchronized (webhook) {
            ((ArrayNode) webhook.get(child.equals("Fields") ? "fields" : "excludedResources")).add(body.deepCopy());
        }
        return json(200, Map.of("itemId", id * 100 + 1));
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
        if (resource.equals("TicketWebhookFields/entityInformation/fields")) {
            return fields(field("fieldID", WEBHOOK_FIELDS));
        }
        if (resource.equals("Resources/query") && request.getMethod().equals(RequestMethod.POST)) {
            boolean ours = body(request).path("filter").path(0).path("value").asText().equalsIgnoreCase(userName);
            ObjectNode page = JSON.createObjectNode();
            ArrayNode items = page.putArray("items");
            if (ours) {
                items.addObject().put("id", API_RESOURCE).put("email", userName);
            }
            page.putObject("pageDetails").put("count", items.size()).putNull("nextPageUrl");
            return json(200, page);
        }
        if (resource.equals("TicketWebhooks") && request.getMethod().equals(RequestMethod.POST)) {
            return createWebhook(body(request));
        }
        if ((m = WEBHOOK_CHILD.matcher(resource)).matches() && request.getMethod().equals(RequestMethod.POST)) {
            return addToWebhook(Long.parseLong(m.group(1)), m.group(2), body(request));
        }
        if ((m = WEBHOOK.matcher(resource)).matches() && request.getMethod().equals(RequestMethod.DELETE)) {
            return webhooks.remove(Long.parseLong(m.group(1))) == null
                    ? errors(404, "The requested resource does not exist.")
                    : json(200, Map.of("itemId", Long.parseLong(m.group(1))));
        }
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
