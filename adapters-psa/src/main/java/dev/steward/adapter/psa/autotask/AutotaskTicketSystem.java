package dev.steward.adapter.psa.autotask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.adapter.psa.common.Json;
import dev.steward.adapter.psa.common.PeopleEmails;
import dev.steward.adapter.psa.common.PsaContacts;
import dev.steward.adapter.psa.common.PsaHttp;
import dev.steward.adapter.psa.common.PsaProvider;
import dev.steward.adapter.psa.common.PsaSystem;
import dev.steward.adapter.psa.common.Sleeper;
import dev.steward.adapter.psa.common.TicketIds;
import dev.steward.application.port.psa.PsaCapability;
import dev.steward.application.port.psa.PsaNote;
import dev.steward.application.port.psa.PsaNote.Visibility;
import dev.steward.application.port.psa.PsaTicket;
import dev.steward.application.port.psa.TicketSystem;
import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.spi.Directory;
import dev.steward.domain.problem.InvalidValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Autotask PSA REST (THIRD-PARTY-APIS.md §3). The API user's zone is discovered once through
 * {@code zoneInformation}; every call carries {@code ApiIntegrationCode}, {@code UserName} and {@code Secret}.
 * Picklists ({@code status}, note {@code publish} and {@code noteType}) are read from {@code entityInformation/fields}
 * and matched by label. Queries page through {@code pageDetails.nextPageUrl} — a POST query's next pages with a
 * POST of the same body, as Autotask refuses a GET there; notes go to the child collection {@code /Tickets/{id}/Notes}
 * as plain text. A reply is a note published to the public label, an approval request an internal one. A ticket's
 * requester is its contact ({@code Contacts/{id}}, read once): the e-mail address, else the name. The quirks of
 * Autotask's answers and its hourly request budget are {@link AutotaskRules}.
 */
public final class AutotaskTicketSystem implements PsaSystem {

    static final String KIND = "autotask";
    private static final int MAX_DESCRIPTION = 32_000;
    private static final int MAX_CACHED_CONTACTS = 10_000;
    /** How long an API user's resource id that Autotask did not tell stays unknown before it is asked again. */
    private static final java.time.Duration ASK_AGAIN = java.time.Duration.ofMinutes(10);

    private final AutotaskSettings settings;
    private final PsaHttp http;
    private final Clock clock;
    private URI base;
    private final Map<String, Map<String, String>> picklists = new LinkedHashMap<>();
    private final PeopleEmails resourceEmails = new PeopleEmails(this::resourceEmail);
    private final Map<String, PsaContacts.Contact> contactsById = new ConcurrentHashMap<>();
    private final AutotaskRules rules;
    private volatile Optional<String> ownResource = Optional.empty();
    private volatile Optional<Instant> ownResourceAskedAt = Optional.empty();

    public AutotaskTicketSystem(AutotaskSettings settings, Clock clock) {
        this(settings, clock, PsaHttp.defaultClient(), Sleeper.REAL);
    }

    public AutotaskTicketSystem(AutotaskSettings settings, Clock clock, HttpClient client, Sleeper sleeper) {
        this.settings = settings;
        this.clock = clock;
        this.rules = new AutotaskRules(settings.hourlyRequestLimit(), clock);
        this.http = new PsaHttp(KIND, client, settings.http(), sleeper, rules);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public EnumSet<PsaCapability> capabilities() {
        return EnumSet.allOf(PsaCapability.class);
    }

    @Override
    public List<PsaTicket> newTickets(Instant since) {
        ObjectNode query = Json.MAPPER.createObjectNode().put("maxRecords", settings.pageSize());
        ArrayNode filter = query.putArray("filter");
        filter.addObject().put("op", "gte").put("field", "createDate")
                .put("value", since.truncatedTo(ChronoUnit.SECONDS).toString());
        filter.addObject().put("op", "noteq").put("field", "status")
                .put("value", Integer.parseInt(picklistValue("Tickets", "status", settings.closedStatusLabel())));
        List<PsaTicket> tickets = new ArrayList<>();
        for (JsonNode item : items(api("Tickets/query"), Optional.of(query), Optional.empty())) {
            tickets.add(toTicket(item));
        }
        tickets.sort(Comparator.comparing(PsaTicket::createdAt).thenComparing(t -> Long.parseLong(t.id())));
        return List.copyOf(tickets);
    }

    @Override
    public PsaTicket ticket(String ticketId) {
        return toTicket(ticketNode(ticketId));
    }

    @Override
    public List<PsaNote> notes(String ticketId) {
        ticketNode(ticketId);
        List<PsaNote> notes = new ArrayList<>();
        for (JsonNode item : items(api("Tickets/" + ticketId + "/Notes"), Optional.empty(), Optional.of(ticketId))) {
            notes.add(toNote(item, ticketId));
        }
        notes.sort(Comparator.comparing(PsaNote::createdAt).thenComparing(n -> Long.parseLong(n.id())));
        return List.copyOf(notes);
    }

    @Override
    public PsaNote addInternalNote(String ticketId, String text) {
        return addNote(ticketId, text, settings.internalPublishLabel(), Visibility.INTERNAL);
    }

    @Override
    public PsaNote addReply(String ticketId, String text) {
        PsaNote reply = addNote(ticketId, text, settings.publicPublishLabel(), Visibility.PUBLIC);
        return settings.repliesNotifyContact() ? reply.emailed() : reply.notEmailed("Autotask's REST API sends no "
                + "notification for a note, and no notification rule was declared for this MSP");
    }

    @Override
    public PsaNote addApprovalRequest(String ticketId, String text) {
        return addNote(ticketId, text, settings.internalPublishLabel(), Visibility.INTERNAL);
    }

    @Override
    public void updateStatus(String ticketId, String statusLabel) {
        ticketNode(ticketId);
        String value = picklistValue("Tickets", "status", statusLabel);
        ObjectNode body = Json.MAPPER.createObjectNode().put("id", Long.parseLong(ticketId))
                .put("status", Integer.parseInt(value));
        http.json(authorized(http.request(api("Tickets")))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(Json.write(body))).build());
    }

    private PsaNote addNote(String ticketId, String text, String publishLabel, Visibility visibility) {
        ticketNode(ticketId);
        String description = text.length() > MAX_DESCRIPTION ? text.substring(0, MAX_DESCRIPTION - 1) + "…" : text;
        ObjectNode body = Json.MAPPER.createObjectNode().put("ticketID", Long.parseLong(ticketId))
                .put("title", settings.noteTitle()).put("description", description)
                .put("noteType", Integer.parseInt(picklistValue("TicketNotes", "noteType", settings.noteTypeLabel())))
                .put("publish", Integer.parseInt(picklistValue("TicketNotes", "publish", publishLabel)));
        JsonNode created = http.json(post(api("Tickets/" + ticketId + "/Notes"), body), TicketIds.notFound(ticketId));
        return new PsaNote(Json.required(KIND, created, "itemId"), ticketId, description, visibility, clock.instant());
    }

    /**
     * Finds the API user's zone, reads the ticket and note picklists with the credentials, and checks that every
     * label the settings name is there, so a wrong label fails the connection rather than every note later.
     */
    @Override
    public void checkConnection() {
        String host = "settings.zoneLookupBase";
        try {
            api("");
        } catch (PortFailure failure) {
            throw failure.retryable() ? PsaProvider.unreachable(host, failure)
                    : InvalidValue.of("settings.userName", "unknown", "is not an Autotask API user ("
                            + failure.getMessage() + ")");
        }
        try {
            picklist("Tickets", "status");
            picklist("TicketNotes", "publish");
        } catch (PortFailure failure) {
            if (failure.retryable()) {
                throw PsaProvider.unreachable(host, failure);
            }
            throw PsaProvider.credentialsRefused(failure)
                    ? InvalidValue.of("settings.secret", "refused", "was refused by Autotask (" + failure.getMessage()
                            + ")")
                    : InvalidValue.of("settings.integrationCode", "refused", "was refused by Autotask together with "
                            + "the user name (" + failure.getMessage() + ")");
        }
        requireLabel("Tickets", "status", settings.closedStatusLabel(), "closedStatusLabel");
        requireLabel("TicketNotes", "publish", settings.internalPublishLabel(), "internalPublishLabel");
        requireLabel("TicketNotes", "publish", settings.publicPublishLabel(), "publicPublishLabel");
        requireLabel("TicketNotes", "noteType", settings.noteTypeLabel(), "noteTypeLabel");
    }

    private void requireLabel(String entity, String field, String label, String setting) {
        Map<String, String> values = picklist(entity, field);
        if (values.values().stream().noneMatch(label::equalsIgnoreCase)) {
            throw InvalidValue.of("settings." + setting, "unknown", "is not a label of " + entity + "." + field
                    + " in this Autotask; known: " + values.values());
        }
    }

    /**
     * The API user's own resource id (a {@code Resources/query} by its e-mail, read once), so that a webhook about
     * Steward's own change can be told apart; empty when Autotask does not say (the reader then reads every event).
     */
    Optional<String> ownResourceId() {
        Instant now = clock.instant();
        if (ownResource.isPresent() || ownResourceAskedAt.map(at -> now.isBefore(at.plus(ASK_AGAIN))).orElse(false)) {
            return ownResource;
        }
        ownResourceAskedAt = Optional.of(now);
        try {
            ObjectNode query = Json.MAPPER.createObjectNode().put("maxRecords", 1);
            query.putArray("filter").addObject().put("op", "eq").put("field", "email").put("value",
                    settings.userName());
            JsonNode items = Json.field(http.json(post(api("Resources/query"), query)), "items");
            ownResource = items.isArray() && !items.isEmpty() ? Json.text(items.get(0), "id") : Optional.empty();
        } catch (PortFailure | NotFound unknown) {
            // not known for now: every event is read, and Autotask is asked again after ASK_AGAIN
            ownResource = Optional.empty();
        }
        return ownResource;
    }

    /**
     * Registers a ticket webhook delivering to {@code url}, signed with {@code secretKey} (THIRD-PARTY-APIS.md §3.5):
     * {@code POST TicketWebhooks} for created and updated tickets (deactivation notices go to the same URL, where they
     * are ignored), subscribed to the ticket's {@code status} and, where the tenant offers it, {@code lastActivityDate}
     * ({@code TicketWebhookFields}' {@code fieldID} picklist), with the API user's own resource in
     * {@code ExcludedResources}, so Steward's own notes and status changes fire nothing. A webhook that could not be
     * completed is deleted again before this fails.
     *
     * @return the webhook's id, to remove it with
     * @throws PortFailure if Autotask refused a step or did not answer, or the API user's resource is not found (its
     *     changes could not be excluded)
     */
    String registerWebhook(String url, String name, String secretKey) {
        String ownResource = ownResourceId().orElseThrow(() -> PortFailure.permanent(KIND, "the API user "
                + settings.userName() + " was not found among Autotask's resources, so its own changes could not be "
                + "excluded from the webhook", null));
        List<String> fields = new ArrayList<>();
        fields.add(picklistValue("TicketWebhookFields", "fieldID", "status"));
        picklist("TicketWebhookFields", "fieldID").entrySet().stream()
                .filter(e -> e.getValue().equalsIgnoreCase("lastActivityDate")).findFirst()
                .ifPresent(e -> fields.add(e.getKey()));
        ObjectNode webhook = Json.MAPPER.createObjectNode().put("isActive", true)
                .put("name", name.length() > 50 ? name.substring(0, 50) : name).put("webhookUrl", url)
                .put("deactivationUrl", url).put("secretKey", secretKey).put("isSubscribedToCreateEvents", true)
                .put("isSubscribedToUpdateEvents", true).put("isSubscribedToDeleteEvents", false)
                .put("sendThresholdExceededNotification", false);
        String id = Json.required(KIND, http.json(post(api("TicketWebhooks"), webhook)), "itemId");
        try {
            for (String field : fields) {
                http.json(post(api("TicketWebhooks/" + id + "/Fields"), Json.MAPPER.createObjectNode()
                        .put("webhookID", Long.parseLong(id)).put("fieldID", Integer.parseInt(field))
                        .put("isSubscribedField", true).put("isDisplayAlwaysField", false)));
            }
            http.json(post(api("TicketWebhooks/" + id + "/ExcludedResources"), Json.MAPPER.createObjectNode()
                    .put("webhookID", Long.parseLong(id)).put("resourceID", Long.parseLong(ownResource))));
        } catch (RuntimeException e) {
            try {
                removeWebhook(id);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return id;
    }

    /** Deletes ticket webhook {@code id}; one that is gone already counts as removed. */
    void removeWebhook(String id) {
        try {
            http.send(authorized(http.request(api("TicketWebhooks/" + TicketIds.numeric(id)))).DELETE().build(),
                    Optional.of(() -> new NotFound("webhook", id)));
        } catch (NotFound gone) {
            // removed before (by hand, or by an earlier disconnect that did not finish)
        }
    }

    /**
     * Active companies of the configured types ({@code Companies/query}), in id order; the cursor is the last id
     * seen, so every page is one query whatever Autotask's own paging.
     */
    @Override
    public Directory.Page companies(String search, Optional<String> cursor, int limit) {
        long after = cursor.map(c -> {
            if (!c.matches("after:[0-9]{1,18}")) {
                throw PsaSystem.unknownCursor();
            }
            return Long.parseLong(c.substring("after:".length()));
        }).orElse(0L);
        ObjectNode query = Json.MAPPER.createObjectNode().put("maxRecords", limit);
        ArrayNode filter = query.putArray("filter");
        filter.addObject().put("op", "eq").put("field", "isActive").put("value", true);
        ArrayNode types = filter.addObject().put("op", "in").put("field", "companyType").putArray("value");
        companyTypeValues().forEach(value -> types.add(Integer.parseInt(value)));
        String text = PsaSystem.searchable(search);
        if (!text.isEmpty()) {
            filter.addObject().put("op", "contains").put("field", "companyName").put("value", text);
        }
        if (after > 0) {
            filter.addObject().put("op", "gt").put("field", "id").put("value", after);
        }
        JsonNode page = http.json(post(api("Companies/query"), query));
        JsonNode items = Json.field(page, "items");
        if (!items.isArray()) {
            throw PortFailure.permanent(KIND, KIND + " answered Companies/query without an items list", null);
        }
        List<Directory.Entry> entries = new ArrayList<>();
        items.forEach(c -> entries.add(toCompany(c)));
        entries.sort(Comparator.comparing(e -> Long.parseLong(e.id())));
        return new Directory.Page(entries, entries.size() < limit ? Optional.empty()
                : Optional.of("after:" + entries.getLast().id()));
    }

    @Override
    public Optional<Directory.Entry> company(String id) {
        try {
            JsonNode item = Json.field(http.json(get(api("Companies/" + TicketIds.numeric(id))),
                    () -> new NotFound("company", id)), "item");
            boolean listed = item.isObject() && Json.flag(item, "isActive") && companyTypeValues()
                    .contains(Json.text(item, "companyType").orElse(""));
            return listed ? Optional.of(toCompany(item)) : Optional.empty();
        } catch (NotFound gone) {
            return Optional.empty();
        }
    }

    /** The picklist values of the configured company types (labels differ per tenant). */
    private List<String> companyTypeValues() {
        return settings.companyTypes().stream().map(label -> picklistValue("Companies", "companyType", label)).toList();
    }

    private static Directory.Entry toCompany(JsonNode company) {
        return new Directory.Entry(Json.required(KIND, company, "id"), Json.text(company, "companyName").orElse(""),
                Json.text(company, "webAddress").orElse(""));
    }

    /** Active contacts of a company ({@code Contacts/query}), filtered by e-mail address when given. */
    @Override
    public List<Contact> contacts(String companyId, Optional<String> email) {
        ObjectNode query = Json.MAPPER.createObjectNode().put("maxRecords", settings.pageSize());
        ArrayNode filter = query.putArray("filter");
        filter.addObject().put("op", "eq").put("field", "companyID").put("value", Long.parseLong(
                PsaContacts.numericCompany(companyId)));
        filter.addObject().put("op", "eq").put("field", "isActive").put("value", 1);
        email.ifPresent(e -> filter.addObject().put("op", "eq").put("field", "emailAddress").put("value", e));
        List<Contact> contacts = new ArrayList<>();
        for (JsonNode item : items(api("Contacts/query"), Optional.of(query), Optional.empty())) {
            Contact contact = toContact(item);
            if (email.map(contact.email()::equalsIgnoreCase).orElse(true)) {
                contacts.add(contact);
            }
        }
        contacts.sort(Comparator.comparing(c -> Long.parseLong(c.id())));
        return List.copyOf(contacts);
    }

    private JsonNode ticketNode(String ticketId) {
        JsonNode answer = http.json(get(api("Tickets/" + TicketIds.numeric(ticketId))), TicketIds.notFound(ticketId));
        JsonNode item = Json.field(answer, "item");
        if (item.isMissingNode() || item.isNull()) {
            throw new NotFound("ticket", ticketId);
        }
        return item;
    }

    private static Contact toContact(JsonNode item) {
        String name = (Json.text(item, "firstName").orElse("") + " " + Json.text(item, "lastName").orElse("")).strip();
        return new Contact(Json.required(KIND, item, "id"), name, Json.text(item, "emailAddress").orElse(""),
                Json.text(item, "phone").orElse(""));
    }

    /**
     * Every item of a query, following {@code pageDetails.nextPageUrl} until it is null: GET for a GET query, and for
     * a POST query a POST of the same body (the next-page URL names the page, the body still carries the filter).
     * A next-page URL on another host than the zone's is refused, so the credentials go nowhere else.
     */
    private List<JsonNode> items(URI first, Optional<JsonNode> queryBody, Optional<String> ticketId) {
        List<JsonNode> all = new ArrayList<>();
        HttpRequest request = queryBody.map(body -> post(first, body)).orElseGet(() -> get(first));
        while (true) {
            JsonNode page = ticketId.isPresent() ? http.json(request, TicketIds.notFound(ticketId.get()))
                    : http.json(request);
            JsonNode items = Json.field(page, "items");
            if (!items.isArray()) {
                throw PortFailure.permanent(KIND, KIND + " answered " + request.uri().getPath()
                        + " without an items list", null);
            }
            items.forEach(all::add);
            Optional<String> next = Json.text(page, "pageDetails", "nextPageUrl").filter(s -> !s.isBlank());
            if (next.isEmpty() || items.isEmpty()) {
                return all;
            }
            URI nextPage = sameHost(URI.create(next.get()));
            request = queryBody.map(body -> post(nextPage, body)).orElseGet(() -> get(nextPage));
        }
    }

    private URI sameHost(URI next) {
        URI zone = api("");
        if (!next.isAbsolute() || !zone.getScheme().equalsIgnoreCase(next.getScheme())
                || !zone.getRawAuthority().equalsIgnoreCase(next.getRawAuthority())) {
            throw PortFailure.permanent(KIND, KIND + " sent a next-page URL on another host than its zone ("
                    + next.getHost() + "); it is not followed", null);
        }
        return next;
    }

    private PsaTicket toTicket(JsonNode node) {
        String status = Json.text(node, "status").map(v -> picklistLabel("Tickets", "status", v)).orElse("");
        return new PsaTicket(Json.required(KIND, node, "id"), Json.required(KIND, node, "companyID"),
                Json.text(node, "title").orElse(""), Json.text(node, "description").orElse(""),
                Json.text(node, "contactID").filter(AutotaskTicketSystem::isId).map(this::requester).orElse(""), status,
                status.equalsIgnoreCase(settings.closedStatusLabel()),
                Json.instant(KIND, Json.required(KIND, node, "createDate")));
    }

    private PsaNote toNote(JsonNode node, String ticketId) {
        String publish = Json.text(node, "publish").map(v -> picklistLabel("TicketNotes", "publish", v)).orElse("");
        Visibility visibility = publish.equalsIgnoreCase(settings.publicPublishLabel()) ? Visibility.PUBLIC
                : Visibility.INTERNAL;
        Instant at = Json.text(node, "createDateTime").map(t -> Json.instant(KIND, t)).orElse(Instant.EPOCH);
        return new PsaNote(Json.required(KIND, node, "id"), ticketId, Json.text(node, "description").orElse(""),
                visibility, at, authorOf(node));
    }

    /**
     * A note by a contact (the requester, through the portal or e-mail) has {@code createdByContactID}; one by a
     * resource (technician) has {@code creatorResourceID}, whose e-mail is the resource's {@code email}.
     */
    private PsaNote.Author authorOf(JsonNode note) {
        Optional<String> contact = Json.text(note, "createdByContactID").filter(AutotaskTicketSystem::isId);
        if (contact.isPresent()) {
            Contact who = contact(contact.get());
            return PsaNote.Author.contact(who.name().isBlank() ? "contact " + who.id() : who.name(), who.email());
        }
        return Json.text(note, "creatorResourceID").filter(AutotaskTicketSystem::isId)
                .map(id -> PsaNote.Author.technician("resource " + id, resourceEmails.of(id)))
                .orElse(PsaNote.Author.UNKNOWN);
    }

    /** How the agent names a ticket's contact: the e-mail address (what Microsoft 365 acts on), else the name. */
    private String requester(String contactId) {
        Contact who = contact(contactId);
        return !who.email().isBlank() ? who.email() : who.name().isBlank() ? "contact " + contactId : who.name();
    }

    /**
     * The contact, read once ({@code Contacts/{id}}). One the API will not show (deleted, or not readable by the API
     * user) is known by its id only; a failure that may pass is thrown, so the ticket is read again later.
     */
    private Contact contact(String contactId) {
        Contact cached = contactsById.get(contactId);
        if (cached != null) {
            return cached;
        }
        Contact found;
        try {
            JsonNode item = Json.field(http.json(get(api("Contacts/" + contactId)),
                    () -> new NotFound("contact", contactId)), "item");
            found = item.isObject() ? toContact(item) : new Contact(contactId, "", "", "");
        } catch (NotFound gone) {
            found = new Contact(contactId, "", "", "");
        } catch (PortFailure failure) {
            if (failure.retryable()) {
                throw failure;
            }
            found = new Contact(contactId, "", "", "");
        }
        if (contactsById.size() >= MAX_CACHED_CONTACTS) {
            contactsById.clear();
        }
        contactsById.put(contactId, found);
        return found;
    }

    private static boolean isId(String value) {
        return value.matches("[1-9][0-9]{0,17}");
    }

    private String resourceEmail(String resourceId) {
        JsonNode item = Json.field(http.json(get(api("Resources/" + resourceId)),
                () -> new NotFound("resource", resourceId)), "item");
        return Json.text(item, "email").orElse("");
    }

    private String picklistValue(String entity, String field, String label) {
        return picklist(entity, field).entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(label))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> field.equals("status") ? new NotFound("ticket status", label)
                        : PortFailure.permanent(KIND, KIND + " has no " + entity + "." + field + " value labelled '"
                                + label + "'; known labels: " + picklist(entity, field).values(), null));
    }

    private String picklistLabel(String entity, String field, String value) {
        return picklist(entity, field).getOrDefault(value, field + " " + value);
    }

    /** value → label of one picklist field, read once from {@code {entity}/entityInformation/fields}. */
    private synchronized Map<String, String> picklist(String entity, String field) {
        String key = entity + "." + field;
        if (!picklists.containsKey(key)) {
            JsonNode fields = Json.field(http.json(get(api(entity + "/entityInformation/fields"))), "fields");
            for (JsonNode f : fields) {
                Map<String, String> values = new LinkedHashMap<>();
                for (JsonNode v : Json.field(f, "picklistValues")) {
                    if (Json.text(v, "isActive").map(Boolean::parseBoolean).orElse(true)) {
                        values.put(Json.required(KIND, v, "value"), Json.text(v, "label").orElse(""));
                    }
                }
                picklists.put(entity + "." + Json.required(KIND, f, "name"), Map.copyOf(values));
            }
            picklists.putIfAbsent(key, Map.of());
        }
        return picklists.get(key);
    }

    /** {@code {zone url}v1.0/{path}}; the zone is looked up on first use. */
    private synchronized URI api(String path) {
        if (base == null) {
            URI lookup = settings.zoneLookupBase().resolve("v1.0/zoneInformation?user="
                    + URLEncoder.encode(settings.userName(), StandardCharsets.UTF_8));
            JsonNode zone = http.json(http.request(lookup).header("Accept", "application/json").GET().build());
            String url = Json.required(KIND, zone, "url");
            base = URI.create(url.endsWith("/") ? url : url + "/").resolve("v1.0/");
        }
        return base.resolve(path);
    }

    private HttpRequest get(URI uri) {
        return authorized(http.request(uri)).GET().build();
    }

    private HttpRequest post(URI uri, JsonNode body) {
        return authorized(http.request(uri)).POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build();
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
        return builder.header("ApiIntegrationCode", settings.integrationCode())
                .header("UserName", settings.userName())
                .header("Secret", settings.secret().reveal())
                .header("Content-Type", "application/json");
    }

    @Override
    public String toString() {
        return "AutotaskTicketSystem[" + settings.userName() + "]";
    }
}
