package dev.steward.adapter.psa.autotask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.steward.adapter.psa.common.FakePsaApi;
import dev.steward.adapter.psa.common.Json;
import dev.steward.application.port.psa.PsaNote;
import dev.steward.application.port.psa.TicketSystemContract.NoteSeed;
import dev.steward.application.port.psa.TicketSystemContract.TicketSeed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Autotask tenant in memory (THIRD-PARTY-APIS.md §3): zone lookup, the three auth headers with Autotask's quirky
 * failures (wrong user or integration code → 500, wrong secret → 401), per-tenant picklists served from
 * {@code entityInformation/fields} (publish 2 = Internal Only here, 1 = All Autotask Users), queries with
 * {@code filter} and {@code maxRecords} paged through {@code nextPageUrl} (the next page of a POST query only by a
 * POST of the same body: a GET there is refused with 405, as Autotask does), notes through the child collection only,
 * contacts readable by id, and errors as {@code {"errors":["…"]}}. The zone lookup knows only the API user; an unknown
 * user name gets Autotask's HTTP 500 "Zone information could not be determined". Ticket webhooks are registered
 * through {@code TicketWebhooks} and its {@code Fields}/{@code ExcludedResources} children, validated as Autotask
 * does. Published in this module's test-jar: bootstrap's end-to-end tests run the real server against it.
 */
public final class FakeAutotask extends FakePsaApi {

    /** The API user, integration code and secret of the tenant {@link #FakeAutotask()} makes. */
    public static final String USER = "api@acmemsp.example";
    public static final String INTEGRATION_CODE = "TRACKING-ID-1";
    public static final String SECRET = "at-secret";
    static final int CLOSED = 5;
    /** The {@code publish} level of a note hidden from the requester. */
    public static final int INTERNAL_ONLY = 2;
    private static final String V1 = "/atservicesrest/v1.0/";
    private static final Pattern TICKET = Pattern.compile("Tickets/(\\d+)");
    private static final Pattern NOTES = Pattern.compile("Tickets/(\\d+)/Notes");
    private static final Pattern RESOURCE = Pattern.compile("Resources/(\\d+)");
    private static final Pattern CONTACT = Pattern.compile("Contacts/(\\d+)");
    private static final long API_RESOURCE = 29682886;

    private final Map<Long, ObjectNode> tickets = new LinkedHashMap<>();
    private final Map<Long, List<ObjectNode>> notes = new HashMap<>();
    private final Map<String, JsonNode> queries = new HashMap<>();
    private final Map<Long, ObjectNode> contacts = new LinkedHashMap<>();
    private final Map<Long, ObjectNode> companies = new LinkedHashMap<>();
    private static final Pattern COMPANY = Pattern.compile("Companies/(\\d+)");
    static final int CUSTOMER = 1;
    static final int VENDOR = 7;
    private long nextCompany = 29683500;
    private long nextContact = 30682400;
    private final Map<Long, ObjectNode> resources = new LinkedHashMap<>();
    private final String user;
    private final String integrationCode;
    private final String secret;
    private LongConsumer noted = ticket -> { };
    private String baseUrl;
    private long nextTicket = 128900;
    private long nextNote = 4410000;

    /** A tenant whose API user, integration code and secret are {@link #USER}, {@link #INTEGRATION_CODE}, {@link #SECRET}. */
    public FakeAutotask() {
        this(USER, INTEGRATION_CODE, SECRET);
    }

    /** A tenant whose API user (its resource's e-mail), integration code and secret are these. */
    public FakeAutotask(String user, String integrationCode, String secret) {
        this.user = user;
        this.integrationCode = integrationCode;
        this.secret = secret;
        resources.put(API_RESOURCE, Json.MAPPER.createObjectNode().put("id", API_RESOURCE).put("firstName", "API")
                .put("lastName", "User").put("email", user));
    }

    /** Calls {@code listener} with the ticket's id each time a note is created through the API. */
    public synchronized FakeAutotask onNote(LongConsumer listener) {
        noted = listener;
        return this;
    }

    @Override
    public String getName() {
        return "fake-autotask";
    }

    /** A company of type {@code type} ({@link #CUSTOMER}, {@link #VENDOR} …). */
    synchronized String seedCompany(String name, int type, boolean active) {
        long id = ++nextCompany;
        companies.put(id, Json.MAPPER.createObjectNode().put("id", id).put("companyName", name)
                .put("companyType", type).put("isActive", active).put("webAddress", "www.example.com"));
        return Long.toString(id);
    }

    /** A contact of {@code company}; inactive ones are kept but not active. */
    @Override
    public synchronized String seedContact(String company, String first, String last, String email, boolean active) {
        long id = ++nextContact;
        contacts.put(id, Json.MAPPER.createObjectNode().put("id", id).put("firstName", first).put("lastName", last)
                .put("emailAddress", email).put("phone", "555-0" + (id % 1000))
                .put("companyID", Long.parseLong(company)).put("isActive", active ? 1 : 0));
        return Long.toString(id);
    }

    @Override
    public synchronized String seed(TicketSeed seed) {
        long id = ++nextTicket;
        long contact = contacts.values().stream()
                .filter(c -> c.path("emailAddress").asText().equalsIgnoreCase(seed.requester())
                        && c.path("companyID").asText().equals(seed.companyId()))
                .mapToLong(c -> c.path("id").asLong()).findFirst()
                .orElseGet(() -> Long.parseLong(seedContact(seed.companyId(), "Dana", "Reyes", seed.requester(), true)));
        ObjectNode t = Json.MAPPER.createObjectNode().put("id", id).put("ticketNumber", "T20261122." + id)
                .put("title", seed.summary()).put("description", seed.description())
                .put("companyID", Long.parseLong(seed.companyId())).put("contactID", contact)
                .put("status", seed.closed() ? CLOSED : 1).put("priority", 2).put("queueID", 29683482)
                .put("createDate", seed.createdAt().toString()).put("lastActivityDate", seed.createdAt().toString());
        t.putArray("userDefinedFields");
        tickets.put(id, t);
        notes.put(id, new ArrayList<>());
        return Long.toString(id);
    }

    /** A note written in the UI by a resource (technician), or by the contact through the portal or e-mail. */
    synchronized String write(String ticketId, NoteSeed seed) {
        long ticket = Long.parseLong(ticketId);
        ObjectNode note = Json.MAPPER.createObjectNode().put("id", ++nextNote).put("ticketID", ticket)
                .put("title", "Note").put("description", seed.text()).put("noteType", 1)
                .put("publish", seed.visibility() == PsaNote.Visibility.PUBLIC ? 1 : 2)
                .put("createDateTime", Instant.parse("2026-11-22T09:10:00Z").plusSeconds(nextNote % 1000).toString());
        PsaNote.Author author = seed.author();
        if (author.role() == PsaNote.Author.Role.CONTACT) {
            note.put("createdByContactID", 30682411);
        } else {
            long resource = resources.entrySet().stream()
                    .filter(e -> e.getValue().path("email").asText().equalsIgnoreCase(author.email()))
                    .map(Map.Entry::getKey).findFirst().orElseGet(() -> {
                        long id = API_RESOURCE + resources.size();
                        resources.put(id, Json.MAPPER.createObjectNode().put("id", id)
                                .put("firstName", author.name()).put("lastName", "").put("email", author.email()));
                        return id;
                    });
            note.put("creatorResourceID", resource);
        }
        notes.get(ticket).add(note);
        return note.get("id").asText();
    }

    public synchronized List<ObjectNode> notesOf(long ticket) {
        return List.copyOf(notes.get(ticket));
    }

    /** The tenant's ticket fields a webhook can subscribe to (the {@code fieldID} picklist of TicketWebhookFields). */
    static final Map<Integer, String> WEBHOOK_FIELDS = Map.of(4, "Status", 5, "Title", 6, "Priority",
            12, "LastActivityDate");
    private static final Pattern WEBHOOK = Pattern.compile("TicketWebhooks/(\\d+)");
    private static final Pattern WEBHOOK_CHILD = Pattern.compile("TicketWebhooks/(\\d+)/(Fields|ExcludedResources)");
    /** Ticket webhooks by id, each with its {@code fields} and {@code excludedResources} children. */
    private final Map<Long, ObjectNode> webhooks = new LinkedHashMap<>();
    private long nextWebhook = 90;

    /** The ticket webhooks registered now, with their children. */
    public synchronized List<ObjectNode> webhooks() {
        return webhooks.values().stream().map(ObjectNode::deepCopy).toList();
    }

    /** The API user's resource: what Steward must exclude from its webhook. */
    public static long apiResource() {
        return API_RESOURCE;
    }

    /**
     * The webhooks Autotask would call, with their secrets, when resource {@code person} changes a subscribed field
     * of a ticket: active ones with at least one subscribed field, unless the person is among their excluded
     * resources.
     */
    synchronized Map<String, String> webhookCallsFor(long person) {
        Map<String, String> calls = new LinkedHashMap<>();
        webhooksCalledFor(person).forEach(w -> calls.put(w.path("webhookUrl").asText(), w.path("secretKey").asText()));
        return calls;
    }

    /** The webhooks {@link #webhookCallsFor} describes, whole (URL, secret key, GUID …). */
    public synchronized List<ObjectNode> webhooksCalledFor(long person) {
        return webhooks.values().stream().filter(w -> w.path("isActive").asBoolean()
                        && java.util.stream.StreamSupport.stream(w.path("fields").spliterator(), false)
                                .anyMatch(f -> f.path("isSubscribedField").asBoolean())
                        && java.util.stream.StreamSupport.stream(w.path("excludedResources").spliterator(), false)
                                .noneMatch(r -> r.path("resourceID").asLong() == person))
                .map(ObjectNode::deepCopy).toList();
    }

    /** As Autotask validates a webhook: lengths, required URLs, and booleans that must be JSON true/false (500). */
    private ResponseDefinition createWebhook(JsonNode webhook) {
        for (String flag : List.of("isActive", "isSubscribedToCreateEvents", "isSubscribedToUpdateEvents",
                "isSubscribedToDeleteEvents")) {
            if (!webhook.path(flag).isBoolean()) {
                return errors(500, flag + " must be true or false");
            }
        }
        String name = webhook.path("name").asText("");
        if (name.isEmpty() || name.length() > 50) {
            return errors(500, "name is required and must be at most 50 characters");
        }
        for (String url : List.of("webhookUrl", "deactivationUrl")) {
            String value = webhook.path(url).asText("");
            if (!value.matches("https?://\\S+") || value.length() > 500) {
                return errors(500, url + " is required and must be a URL of at most 500 characters");
            }
        }
        if (webhook.path("secretKey").asText("").isEmpty() || webhook.path("secretKey").asText().length() > 64) {
            return errors(500, "secretKey is required and must be at most 64 characters");
        }
        long id = ++nextWebhook;
        ObjectNode stored = ((ObjectNode) webhook.deepCopy()).put("id", id).put("isReady", true)
                .put("ownerResourceID", API_RESOURCE).put("webhookGUID", java.util.UUID.randomUUID().toString());
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
        if (child.equals("Fields")) {
            if (!WEBHOOK_FIELDS.containsKey(body.path("fieldID").asInt(-1))) {
                return errors(500, "fieldID " + body.path("fieldID") + " is not a ticket field of this tenant");
            }
            if (!body.path("isSubscribedField").isBoolean() || !body.path("isDisplayAlwaysField").isBoolean()) {
                return errors(500, "isSubscribedField and isDisplayAlwaysField must be true or false");
            }
            ((ArrayNode) webhook.get("fields")).add(body.deepCopy());
        } else {
            if (!resources.containsKey(body.path("resourceID").asLong(-1))) {
                return errors(500, "resourceID " + body.path("resourceID") + " is not a resource");
            }
            ((ArrayNode) webhook.get("excludedResources")).add(body.deepCopy());
        }
        return json(200, Map.of("itemId", id * 100 + webhook.get(child.equals("Fields") ? "fields"
                : "excludedResources").size()));
    }

    @Override
    protected ResponseDefinition answer(Request request) {
        baseUrl = request.getAbsoluteUrl().substring(0, request.getAbsoluteUrl().indexOf("/atservicesrest/"));
        String path = path(request);
        if (path.equalsIgnoreCase(V1 + "zoneInformation")) {
            if (!user.equalsIgnoreCase(query(request, "user").orElse(""))) {
                return errors(500, "Zone information could not be determined");
            }
            return json(200, Map.of("zoneName", "Stub Zone", "url", baseUrl + "/atservicesrest/",
                    "webUrl", baseUrl + "/", "ci", 0));
        }
        if (!user.equals(request.getHeader("UserName")) || !integrationCode.equals(
                request.getHeader("ApiIntegrationCode"))) {
            return errors(500, "Internal Server Error");
        }
        if (!secret.equals(request.getHeader("Secret"))) {
            return errors(401, "Unauthorized");
        }
        String resource = path.substring(V1.length());
        RequestMethod method = request.getMethod();
        Matcher m;
        if (resource.equals("Tickets/entityInformation/fields")) {
            return fields(field("status", Map.of(1, "New", 8, "In Progress", CLOSED, "Complete")));
        }
        if (resource.equals("TicketWebhookFields/entityInformation/fields")) {
            return fields(field("fieldID", WEBHOOK_FIELDS));
        }
        if (resource.equals("TicketWebhooks") && method.equals(RequestMethod.POST)) {
            return createWebhook(body(request));
        }
        if ((m = WEBHOOK_CHILD.matcher(resource)).matches() && method.equals(RequestMethod.POST)) {
            return addToWebhook(Long.parseLong(m.group(1)), m.group(2), body(request));
        }
        if ((m = WEBHOOK.matcher(resource)).matches() && method.equals(RequestMethod.DELETE)) {
            return webhooks.remove(Long.parseLong(m.group(1))) == null
                    ? errors(404, "The requested resource does not exist.")
                    : json(200, Map.of("itemId", Long.parseLong(m.group(1))));
        }
        if (resource.equals("Companies/entityInformation/fields")) {
            return fields(field("companyType", Map.of(CUSTOMER, "Customer", 2, "Lead", 3, "Prospect", VENDOR,
                    "Vendor")));
        }
        if ((m = COMPANY.matcher(resource)).matches() && method.equals(RequestMethod.GET)) {
            ObjectNode company = companies.get(Long.parseLong(m.group(1)));
            if (company == null) {
                return errors(404, "The requested resource does not exist.");
            }
            ObjectNode answer = Json.MAPPER.createObjectNode();
            answer.set("item", company);
            return json(200, answer);
        }
        if (resource.equals("TicketNotes/entityInformation/fields")) {
            return fields(field("publish", Map.of(1, "All Autotask Users", INTERNAL_ONLY, "Internal Only", 4,
                    "Internal & Co-managed")), field("noteType", Map.of(1, "Task Notes", 2,
                    "Service Desk Notification", 13, "Workflow Rule")));
        }
        for (String entity : List.of("Tickets", "Contacts", "Companies", "Resources")) {
            if (resource.equals(entity + "/query") && method.equals(RequestMethod.POST)) {
                return queryPage(entity, body(request), 0);
            }
            if (resource.equals(entity + "/query/next")) {
                JsonNode original = queries.get(query(request, "paging").orElse(""));
                if (!method.equals(RequestMethod.POST)) {
                    return errors(405, "The requested resource does not support http method '" + method + "'.");
                }
                if (original == null || !original.path("query").equals(body(request))) {
                    return errors(500, "the next page must be asked for with the query that began it");
                }
                return queryPage(entity, original.path("query"), original.path("offset").asInt());
            }
        }
        if (resource.equals("Tickets") && method.equals(RequestMethod.PATCH)) {
            JsonNode body = body(request);
            ObjectNode ticket = tickets.get(body.path("id").asLong());
            if (ticket == null) {
                return errors(500, "Ticket not found");
            }
            ticket.put("status", body.path("status").asInt());
            return json(200, Map.of("itemId", ticket.get("id").asLong()));
        }
        if ((m = NOTES.matcher(resource)).matches()) {
            long id = Long.parseLong(m.group(1));
            if (!tickets.containsKey(id)) {
                return errors(404, "Ticket not found");
            }
            if (method.equals(RequestMethod.GET)) {
                ObjectNode page = Json.MAPPER.createObjectNode();
                page.putArray("items").addAll(notes.get(id));
                page.putObject("pageDetails").put("count", notes.get(id).size()).put("requestCount", 500)
                        .putNull("prevPageUrl").putNull("nextPageUrl");
                return json(200, page);
            }
            JsonNode body = body(request);
            if (!body.hasNonNull("publish") || !body.hasNonNull("noteType") || !body.hasNonNull("title")) {
                return errors(500, "publish, noteType and title are required");
            }
            ObjectNode note = Json.MAPPER.createObjectNode().put("id", ++nextNote).put("ticketID", id)
                    .put("title", body.path("title").asText()).put("description", body.path("description").asText())
                    .put("noteType", body.path("noteType").asInt()).put("publish", body.path("publish").asInt())
                    .put("createDateTime", Instant.parse("2026-11-22T09:20:00Z").plusSeconds(nextNote % 1000)
                            .toString()).put("creatorResourceID", API_RESOURCE);
            notes.get(id).add(note);
            noted.accept(id);
            return json(200, Map.of("itemId", nextNote));
        }
        if ((m = RESOURCE.matcher(resource)).matches() && method.equals(RequestMethod.GET)) {
            ObjectNode person = resources.get(Long.parseLong(m.group(1)));
            if (person == null) {
                return errors(404, "The requested resource does not exist.");
            }
            ObjectNode answer = Json.MAPPER.createObjectNode();
            answer.set("item", person);
            return json(200, answer);
        }
        if ((m = CONTACT.matcher(resource)).matches() && method.equals(RequestMethod.GET)) {
            ObjectNode contact = contacts.get(Long.parseLong(m.group(1)));
            if (contact == null) {
                return errors(404, "The requested resource does not exist.");
            }
            ObjectNode answer = Json.MAPPER.createObjectNode();
            answer.set("item", contact);
            return json(200, answer);
        }
        if ((m = TICKET.matcher(resource)).matches() && method.equals(RequestMethod.GET)) {
            ObjectNode ticket = tickets.get(Long.parseLong(m.group(1)));
            ObjectNode answer = Json.MAPPER.createObjectNode();
            answer.set("item", ticket);
            return json(200, answer);
        }
        if (resource.equalsIgnoreCase("TicketNotes")) {
            return errors(404, "The requested resource does not exist.");
        }
        return errors(404, "The requested resource does not exist.");
    }

    private ResponseDefinition queryPage(String entity, JsonNode query, int offset) {
        if (query == null || !query.path("filter").isArray()) {
            return errors(500, "filter is required");
        }
        Predicate<JsonNode> match = t -> true;
        for (JsonNode f : query.get("filter")) {
            String field = f.path("field").asText();
            JsonNode value = f.path("value");
            match = match.and(switch (f.path("op").asText()) {
                // string comparisons in Autotask's database ignore case
                case "eq" -> t -> t.path(field).asText().equalsIgnoreCase(value.asText());
                case "noteq" -> t -> !t.path(field).asText().equals(value.asText());
                case "gte" -> t -> !Instant.parse(t.path(field).asText()).isBefore(Instant.parse(value.asText()));
                case "gt" -> t -> t.path(field).asLong() > value.asLong();
                case "contains" -> t -> t.path(field).asText().toLowerCase(java.util.Locale.ROOT)
                        .contains(value.asText().toLowerCase(java.util.Locale.ROOT));
                case "in" -> t -> java.util.stream.StreamSupport.stream(value.spliterator(), false)
                        .anyMatch(v -> v.asText().equals(t.path(field).asText()));
                default -> throw new IllegalArgumentException("op not supported by the stub: " + f);
            });
        }
        int max = Math.min(query.path("maxRecords").asInt(500), 500);
        List<ObjectNode> all = (switch (entity) {
            case "Contacts" -> contacts;
            case "Companies" -> companies;
            case "Resources" -> resources;
            default -> tickets;
        }).values().stream().filter(match).toList();
        List<ObjectNode> page = all.subList(Math.min(offset, all.size()), Math.min(offset + max, all.size()));
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putArray("items").addAll(page);
        ObjectNode details = body.putObject("pageDetails").put("count", page.size()).put("requestCount", max);
        details.putNull("prevPageUrl");
        if (offset + max < all.size()) {
            String key = "p" + queries.size();
            ObjectNode paging = Json.MAPPER.createObjectNode().put("offset", offset + max);
            paging.set("query", query);
            queries.put(key, paging);
            details.put("nextPageUrl", baseUrl + V1 + entity + "/query/next?paging=" + key);
        } else {
            details.putNull("nextPageUrl");
        }
        return json(200, body);
    }

    private static ObjectNode field(String name, Map<Integer, String> values) {
        ObjectNode field = Json.MAPPER.createObjectNode().put("name", name).put("dataType", "integer")
                .put("isPickList", true);
        ArrayNode list = field.putArray("picklistValues");
        values.forEach((v, l) -> list.addObject().put("value", String.valueOf(v)).put("label", l).put("isActive", true));
        return field;
    }

    private static ResponseDefinition fields(ObjectNode... fields) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putArray("fields").addAll(List.of(fields));
        return json(200, body);
    }

    private static ResponseDefinition errors(int status, String message) {
        return json(status, Map.of("errors", List.of(message)));
    }
}
