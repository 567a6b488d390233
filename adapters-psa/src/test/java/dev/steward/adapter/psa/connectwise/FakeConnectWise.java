package dev.steward.adapter.psa.connectwise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.HttpHeader;
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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ConnectWise Manage API 3.0 in memory (THIRD-PARTY-APIS.md §1): basic auth {@code company+public:private} and the
 * {@code clientId} header on every call — wrong credentials answered with 401, or with 404 as the cloud does
 * ({@link #answerBadCredentialsWith}) —, conditions (the subset the adapter sends), {@code page}/{@code pageSize}
 * with a {@code Link} header and a server page-size limit ({@link #limitPageSize}), notes with exactly one of the three
 * flags, board statuses (paged too), JSON-Patch updates, {@code system/info}, and project tickets among the service
 * tickets. {@code /login/companyinfo/{company}} (no credentials) tells the codebase, API host and version; the API is
 * served under that codebase only ({@link #moveCodebase} upgrades it), and an {@code Accept} version newer than the
 * server's is refused. A discussion note with notifications on is e-mailed to the contact while the ticket's
 * {@code automaticEmailContactFlag} is set ({@link #emailsSent}).
 */
final class FakeConnectWise extends FakePsaApi {

    static final String PREFIX = "/v4_6_release/apis/3.0/";
    static final String SERVER_VERSION = "2024.8";
    static final String COMPANY = "acmemsp";
    static final String PUBLIC_KEY = "pubkey";
    static final String PRIVATE_KEY = "privkey";
    static final String KEY_PATH = "/v4_6_release/apis/callback/key/abc123";
    static final String SIGNING_KEY = "s3cr3t";
    static final String CLIENT_ID = "3f1c0d5e-0000-4000-8000-000000000001";
    private static final Pattern TICKET = Pattern.compile("service/tickets/(\\d+)");
    private static final Pattern NOTES = Pattern.compile("service/tickets/(\\d+)/notes");
    private static final Pattern STATUSES = Pattern.compile("service/boards/(\\d+)/statuses");
    private static final Pattern MEMBER = Pattern.compile("system/members/(\\d+)");

    private final Map<Long, ObjectNode> tickets = new LinkedHashMap<>();
    private final Map<Long, ObjectNode> contacts = new LinkedHashMap<>();
    private final Map<Long, ObjectNode> companies = new LinkedHashMap<>();
    private static final Pattern COMPANY_BY_ID = Pattern.compile("company/companies/(\\d+)");
    private final Map<Long, List<ObjectNode>> notes = new LinkedHashMap<>();
    private final ArrayNode statuses = Json.MAPPER.createArrayNode();
    private final Map<Long, ObjectNode> members = new LinkedHashMap<>();
    private final List<String> emails = new ArrayList<>();
    private String codebase = "v4_6_release";
    private int badCredentialsStatus = 401;
    private int maxPageSize = 1000;
    private long nextTicket = 51000;
    private long nextNote = 880000;

    FakeConnectWise() {
        member("helpdesk-agent", "Helpdesk Agent", "helpdesk@acmemsp.example");
        status(17, "New", false);
        status(18, "In Progress", false);
        status(19, "Closed", true);
    }

    /** The server is upgraded: its API moves to another codebase, the old one answers 404. */
    synchronized void moveCodebase(String newCodebase) {
        codebase = newCodebase;
    }

    /** 401, or 404 as ConnectWise cloud answers wrong credentials. */
    synchronized void answerBadCredentialsWith(int status) {
        badCredentialsStatus = status;
    }

    /** The largest page the server serves (older servers: 100). */
    synchronized void limitPageSize(int max) {
        maxPageSize = max;
    }

    /** Back to the defaults, for the next test. */
    synchronized void reset() {
        codebase = "v4_6_release";
        badCredentialsStatus = 401;
        maxPageSize = 1000;
    }

    /** "ticket → address" for every e-mail the server sent a contact. */
    synchronized List<String> emailsSent() {
        return List.copyOf(emails);
    }

    /** A project ticket of {@code company}, which the service-ticket list returns too. */
    synchronized String seedProjectTicket(String company, String summary, Instant createdAt) {
        String id = seed(new TicketSeed(company, summary, "", "pm@contoso.example", createdAt, false));
        tickets.get(Long.parseLong(id)).put("recordType", "ProjectTicket");
        return id;
    }

    synchronized ObjectNode ticketRecord(String id) {
        return tickets.get(Long.parseLong(id)).deepCopy();
    }

    private void status(int id, String name, boolean closed) {
        statuses.addObject().put("id", id).put("name", name).put("closedStatus", closed).put("defaultFlag", id == 17)
                .put("inactive", false);
    }

    @Override
    public String getName() {
        return "fake-connectwise";
    }

    /** A company of the MSP's PSA; a deleted one is kept but flagged. */
    synchronized String seedCompany(String name, boolean deleted) {
        long id = 250 + companies.size() + 1;
        companies.put(id, Json.MAPPER.createObjectNode().put("id", id).put("identifier", name.replaceAll("[^A-Za-z0-9]", ""))
                .put("name", name).put("deletedFlag", deleted));
        return Long.toString(id);
    }

    /** A contact of {@code company} with its e-mail as a communication item. */
    @Override
    public synchronized String seedContact(String company, String first, String last, String email, boolean active) {
        long id = 9000 + contacts.size() + 1;
        ObjectNode c = Json.MAPPER.createObjectNode().put("id", id).put("firstName", first).put("lastName", last)
                .put("inactiveFlag", !active);
        c.putObject("company").put("id", Long.parseLong(company));
        ArrayNode items = c.putArray("communicationItems");
        items.addObject().put("value", "555-0" + (id % 1000)).put("communicationType", "Phone")
                .put("defaultFlag", true).putObject("type").put("id", 2).put("name", "Direct");
        items.addObject().put("value", email).put("communicationType", "Email").put("defaultFlag", true)
                .putObject("type").put("id", 1).put("name", "Email");
        contacts.put(id, c);
        return Long.toString(id);
    }

    @Override
    public synchronized String seed(TicketSeed seed) {
        long id = ++nextTicket;
        ObjectNode t = Json.MAPPER.createObjectNode().put("id", id).put("summary", seed.summary())
                .put("recordType", "ServiceTicket");
        t.putObject("board").put("id", 1).put("name", "Help Desk");
        JsonNode status = statuses.get(seed.closed() ? 2 : 0);
        t.putObject("status").put("id", status.get("id").asInt()).put("name", status.get("name").asText());
        t.putObject("company").put("id", Long.parseLong(seed.companyId())).put("identifier", "C" + seed.companyId())
                .put("name", "Company " + seed.companyId());
        t.putObject("contact").put("id", 9001).put("name", "Dana Reyes");
        t.put("contactEmailAddress", seed.requester()).put("closedFlag", seed.closed()).put("severity", "Medium")
                .put("automaticEmailContactFlag", false);
        t.putObject("_info").put("dateEntered", seed.createdAt().toString()).put("lastUpdated",
                seed.createdAt().toString()).put("enteredBy", "Email Connector");
        tickets.put(id, t);
        notes.put(id, new ArrayList<>());
        if (!seed.description().isBlank()) {
            addNote(id, seed.description(), true, false, seed.createdAt());
        }
        return Long.toString(id);
    }

    private long member(String identifier, String name, String email) {
        long id = 310 + members.size();
        members.put(id, Json.MAPPER.createObjectNode().put("id", id).put("identifier", identifier)
                .put("firstName", name).put("lastName", "").put("officeEmail", email).put("inactiveFlag", false));
        return id;
    }

    /** A note written in the UI by a member (technician), or by the contact through the portal or e-mail. */
    synchronized String write(String ticketId, NoteSeed seed) {
        long ticket = Long.parseLong(ticketId);
        // written after Steward's notes (which the fake stamps 09:20)
        Instant at = Instant.parse("2026-11-22T09:30:00Z").plusSeconds(nextNote % 1000);
        ObjectNode note = addNote(ticket, seed.text(), seed.visibility() == PsaNote.Visibility.PUBLIC,
                seed.visibility() == PsaNote.Visibility.INTERNAL, at);
        PsaNote.Author author = seed.author();
        if (author.role() == PsaNote.Author.Role.CONTACT) {
            note.remove("member");
            note.put("createdBy", "portal").put("customerUpdatedFlag", true);
            note.putObject("contact").put("id", 9001).put("name", author.name());
        } else {
            long member = members.entrySet().stream()
                    .filter(e -> e.getValue().path("officeEmail").asText().equalsIgnoreCase(author.email()))
                    .map(Map.Entry::getKey).findFirst()
                    .orElseGet(() -> member(author.name().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'),
                            author.name(), author.email()));
            note.putObject("member").put("id", member).put("identifier", members.get(member).get("identifier")
                    .asText()).put("name", author.name());
        }
        return note.get("id").asText();
    }

    synchronized List<ObjectNode> notesOf(long ticket) {
        return List.copyOf(notes.get(ticket));
    }

    /** The callbacks registered through {@code system/callbacks}, by id. */
    private final Map<Long, ObjectNode> callbacks = new LinkedHashMap<>();
    private long nextCallback = 700;
    /** The API member the keys belong to: a self-suppressed callback does not fire for its changes. */
    static final long API_MEMBER = 150;
    private static final Pattern CALLBACK = Pattern.compile("system/callbacks/(\\d+)");
    /** Type → the levels ConnectWise allows for it (THIRD-PARTY-APIS.md §1.7). */
    private static final Map<String, List<String>> CALLBACK_LEVELS = Map.of(
            "Ticket", List.of("Owner", "Board", "Status", "Company", "Ticket"),
            "Company", List.of("Owner", "Status", "Type", "Territory", "Company", "IntegratorTag"),
            "Activity", List.of("Owner", "Status", "Type", "Company", "Activity"));

    /** The callbacks registered now. */
    synchronized List<ObjectNode> callbacks() {
        return callbacks.values().stream().map(ObjectNode::deepCopy).toList();
    }

    /**
     * The URLs ConnectWise would call when member {@code member} changes ticket {@code ticket}: every active ticket
     * callback, except a self-suppressed one when the member is the API member it was registered by.
     */
    synchronized List<String> callbackUrlsFor(long member) {
        return callbacks.values().stream().filter(c -> !c.path("inactiveFlag").asBoolean()
                        && c.path("type").asText().equals("Ticket")
                        && !(c.path("isSelfSuppressedFlag").asBoolean() && member == c.path("memberId").asLong()))
                .map(c -> c.path("url").asText()).toList();
    }

    /** As ConnectWise validates a {@code CallbackEntry}: 400 with its error shape naming the field. */
    private synchronized ResponseDefinition registerCallback(JsonNode entry) {
        String url = entry.path("url").asText("");
        String type = entry.path("type").asText("");
        String problem = null;
        String field = null;
        if (!url.matches("https?://[^\\s/]+(/\\S*)?")) {
            field = "url";
            problem = "url is required and must be an absolute http(s) URL";
        } else if (!CALLBACK_LEVELS.containsKey(type)) {
            field = "type";
            problem = "type " + type + " is not a callback type";
        } else if (!CALLBACK_LEVELS.get(type).contains(entry.path("level").asText(""))) {
            field = "level";
            problem = "level is not valid for type " + type;
        } else if (!entry.path("objectId").canConvertToLong()) {
            field = "objectId";
            problem = "objectId is required";
        } else if (entry.path("description").asText("").length() > 100) {
            field = "description";
            problem = "description must be at most 100 characters";
        } else {
            for (String flag : List.of("inactiveFlag", "isSelfSuppressedFlag")) {
                if (entry.has(flag) && !entry.get(flag).isBoolean()) {
                    field = flag;
                    problem = flag + " must be true or false";
                }
            }
        }
        if (problem != null) {
            return json(400, Map.of("code", "InvalidObject", "message", "callbackEntry object is invalid", "errors",
                    List.of(Map.of("code", "InvalidField", "message", problem, "resource", "callbackEntry",
                            "field", field))));
        }
        ObjectNode stored = ((ObjectNode) entry.deepCopy()).put("id", ++nextCallback).put("memberId", API_MEMBER)
                .put("payloadVersion", "2.0").put("isSoapCallbackFlag", false);
        if (!stored.has("inactiveFlag")) {
            stored.put("inactiveFlag", false);
        }
        if (!stored.has("isSelfSuppressedFlag")) {
            stored.put("isSelfSuppressedFlag", false);
        }
        callbacks.put(nextCallback, stored);
        return json(201, stored);
    }

    @Override
    protected ResponseDefinition answer(Request request) {
        String path = path(request);
        if (path.startsWith("/login/companyinfo/")) {
            return companyInfo(request, path.substring("/login/companyinfo/".length()));
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString((COMPANY + "+" + PUBLIC_KEY + ":"
                + PRIVATE_KEY).getBytes());
        if (!expected.equals(request.getHeader("Authorization")) || !CLIENT_ID.equals(request.getHeader("clientId"))) {
            return badCredentialsStatus == 404 ? notFound(path)
                    : json(401, Map.of("code", "Unauthorized", "message", "Authentication failed"));
        }
        if (path.equals(KEY_PATH)) {
            return json(200, Map.of("signing_key", SIGNING_KEY));
        }
        String prefix = "/" + codebase + "/apis/3.0/";
        if (!path.startsWith(prefix)) {
            return notFound(path);
        }
        String accept = request.getHeader("Accept") == null ? "" : request.getHeader("Accept");
        Matcher version = Pattern.compile("version=([0-9]{4})\\.([0-9]+)").matcher(accept);
        if (version.find() && newerThanServer(Integer.parseInt(version.group(1)), Integer.parseInt(version.group(2)))) {
            return json(400, Map.of("code", "InvalidVersion", "message", "The API version " + version.group(1) + "."
                    + version.group(2) + " is not supported by this server (" + SERVER_VERSION + ")"));
        }
        String resource = path.substring(prefix.length());
        RequestMethod method = request.getMethod();
        Matcher m;
        if (resource.equals("system/info") && method.equals(RequestMethod.GET)) {
            return json(200, Map.of("version", "v" + SERVER_VERSION + ".12345", "isCloud", true,
                    "serverTimeZone", "Eastern Standard Time", "cloudRegion", "NA"));
        }
        if (resource.equals("company/companies") && method.equals(RequestMethod.GET)) {
            return page(request, companies.values().stream().filter(conditions(query(request, "conditions")
                    .orElse(""))).map(JsonNode.class::cast).toList());
        }
        if ((m = COMPANY_BY_ID.matcher(resource)).matches() && method.equals(RequestMethod.GET)) {
            ObjectNode company = companies.get(Long.parseLong(m.group(1)));
            return company == null ? notFound(resource) : json(200, company);
        }
        if (resource.equals("company/contacts") && method.equals(RequestMethod.GET)) {
            Predicate<JsonNode> email = query(request, "childConditions").map(FakeConnectWise::communicationItem)
                    .orElse(c -> true);
            return page(request, contacts.values().stream().filter(conditions(query(request, "conditions")
                    .orElse(""))).filter(email).map(JsonNode.class::cast).toList());
        }
        if (resource.equals("service/tickets") && method.equals(RequestMethod.GET)) {
            return page(request, tickets.values().stream().filter(conditions(query(request, "conditions")
                    .orElse(""))).map(JsonNode.class::cast).toList());
        }
        if ((m = NOTES.matcher(resource)).matches()) {
            long id = Long.parseLong(m.group(1));
            if (!tickets.containsKey(id)) {
                return notFound(resource);
            }
            if (method.equals(RequestMethod.GET)) {
                return page(request, notes.get(id).stream().map(JsonNode.class::cast).toList());
            }
            JsonNode body = body(request);
            int flags = (flag(body, "detailDescriptionFlag") ? 1 : 0) + (flag(body, "internalAnalysisFlag") ? 1 : 0)
                    + (flag(body, "resolutionFlag") ? 1 : 0);
            if (flags != 1 || !body.hasNonNull("text")) {
                return json(400, Map.of("code", "InvalidObject", "message", "note object is invalid",
                        "errors", List.of(Map.of("code", "InvalidField", "message", "exactly one flag must be set",
                                "resource", "note", "field", "internalAnalysisFlag"))));
            }
            ObjectNode note = addNote(id, body.get("text").asText(), flag(body, "detailDescriptionFlag"),
                    flag(body, "internalAnalysisFlag"), Instant.parse("2026-11-22T09:20:00Z"));
            note.put("processNotifications", flag(body, "processNotifications"));
            ObjectNode ticket = tickets.get(id);
            if (flag(body, "detailDescriptionFlag") && flag(body, "processNotifications")
                    && ticket.path("automaticEmailContactFlag").asBoolean()
                    && !ticket.path("contactEmailAddress").asText().isBlank()) {
                emails.add(id + " → " + ticket.path("contactEmailAddress").asText());
            }
            return json(201, note);
        }
        if ((m = TICKET.matcher(resource)).matches()) {
            ObjectNode ticket = tickets.get(Long.parseLong(m.group(1)));
            if (ticket == null) {
                return notFound(resource);
            }
            if (method.equals(RequestMethod.PATCH)) {
                JsonNode op = body(request).get(0);
                if ("replace".equals(op.path("op").asText())
                        && "automaticEmailContactFlag".equals(op.path("path").asText())
                        && op.path("value").isBoolean()) {
                    ticket.put("automaticEmailContactFlag", op.path("value").asBoolean());
                    return json(200, ticket);
                }
                if (!"replace".equals(op.path("op").asText()) || !"status".equals(op.path("path").asText())) {
                    return json(400, Map.of("code", "InvalidObject", "message", "unsupported patch"));
                }
                int statusId = op.path("value").path("id").asInt();
                for (JsonNode s : statuses) {
                    if (s.get("id").asInt() == statusId) {
                        ticket.putObject("status").put("id", statusId).put("name", s.get("name").asText());
                        ticket.put("closedFlag", s.get("closedStatus").asBoolean());
                        return json(200, ticket);
                    }
                }
                return json(400, Map.of("code", "InvalidObject", "message", "status not on board"));
            }
            return json(200, ticket);
        }
        if (resource.equals("system/callbacks") && method.equals(RequestMethod.POST)) {
            return registerCallback(body(request));
        }
        if (resource.equals("system/callbacks") && method.equals(RequestMethod.GET)) {
            return json(200, List.copyOf(callbacks.values()));
        }
        if ((m = CALLBACK.matcher(resource)).matches() && method.equals(RequestMethod.DELETE)) {
            return callbacks.remove(Long.parseLong(m.group(1))) == null ? notFound(resource)
                    : new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder().withStatus(204).build();
        }
        if ((m = MEMBER.matcher(resource)).matches()) {
            ObjectNode member = members.get(Long.parseLong(m.group(1)));
            return member == null ? notFound(resource) : json(200, member);
        }
        if (STATUSES.matcher(resource).matches()) {
            List<JsonNode> all = new ArrayList<>();
            statuses.forEach(all::add);
            return page(request, all);
        }
        return notFound(resource);
    }

    private boolean newerThanServer(int year, int release) {
        String[] server = SERVER_VERSION.split("\\.");
        int serverYear = Integer.parseInt(server[0]);
        return year > serverYear || year == serverYear && release > Integer.parseInt(server[1]);
    }

    /** What {@code /login/companyinfo/{company}} tells: codebase, API host (this server) and version; nulls for another. */
    private ResponseDefinition companyInfo(Request request, String company) {
        if (!company.equalsIgnoreCase(COMPANY)) {
            ObjectNode unknown = Json.MAPPER.createObjectNode().putNull("CompanyName").putNull("Codebase")
                    .putNull("VersionCode").putNull("SiteUrl");
            return json(200, unknown);
        }
        String host = request.getAbsoluteUrl().replaceFirst("^[a-z]+://", "").replaceFirst("/.*$", "");
        return json(200, Map.of("CompanyName", "Acme MSP", "Codebase", codebase + "/", "VersionCode",
                "v" + SERVER_VERSION, "VersionNumber", "v4.6.12345", "CompanyID", COMPANY, "IsCloud", true,
                "SiteUrl", host));
    }

    private ObjectNode addNote(long ticket, String text, boolean discussion, boolean internal, Instant at) {
        ObjectNode note = Json.MAPPER.createObjectNode().put("id", ++nextNote).put("ticketId", ticket).put("text", text)
                .put("detailDescriptionFlag", discussion).put("internalAnalysisFlag", internal)
                .put("resolutionFlag", false).put("issueFlag", false).put("dateCreated", at.toString())
                .put("createdBy", "helpdesk-agent").put("internalFlag", internal).put("externalFlag", !internal);
        note.putObject("member").put("id", 310).put("identifier", "helpdesk-agent").put("name", "Helpdesk Agent");
        notes.get(ticket).add(note);
        return note;
    }

    private static boolean flag(JsonNode body, String name) {
        return body.path(name).asBoolean(false);
    }

    private static ResponseDefinition notFound(String what) {
        return json(404, Map.of("code", "NotFound", "message", "Record not found: " + what));
    }

    /** One page as CW serves it: {@code page} 1-based, {@code pageSize} default 25 max 1000 (or less), Link rel=next. */
    private ResponseDefinition page(Request request, List<JsonNode> all) {
        int size = Integer.parseInt(query(request, "pageSize").orElse("25"));
        if (size < 1 || size > maxPageSize) {
            return json(400, Map.of("code", "InvalidObject", "message", "pageSize is invalid",
                    "errors", List.of(Map.of("code", "OutOfRange", "message",
                            "The field pageSize must be between 1 and " + maxPageSize + ".", "field", "pageSize"))));
        }
        int page = Integer.parseInt(query(request, "page").orElse("1"));
        int from = Math.min((page - 1) * size, all.size());
        int to = Math.min(from + size, all.size());
        ArrayNode body = Json.MAPPER.createArrayNode();
        all.subList(from, to).forEach(body::add);
        if (to < all.size()) {
            String next = request.getAbsoluteUrl().replaceAll("([?&])page=\\d+", "$1page=" + (page + 1));
            return json(200, body, new HttpHeader("Link", "<" + next + ">; rel=\"next\""));
        }
        return json(200, body);
    }

    /** {@code communicationItems/value="x"}: a contact with a communication item of that value (ignoring case). */
    private static Predicate<JsonNode> communicationItem(String childConditions) {
        Matcher m = Pattern.compile("communicationItems/value=\"([^\"]+)\"").matcher(childConditions.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("child condition not understood by the stub: " + childConditions);
        }
        return c -> java.util.stream.StreamSupport.stream(c.path("communicationItems").spliterator(), false)
                .anyMatch(i -> i.path("value").asText().equalsIgnoreCase(m.group(1)));
    }

    /** The subset of the condition grammar the adapter sends: {@code a=b}, {@code a>=[date]}, joined with and. */
    private static Predicate<JsonNode> conditions(String conditions) {
        Predicate<JsonNode> all = t -> true;
        if (conditions.isBlank()) {
            return all;
        }
        for (String part : conditions.split(" and ")) {
            Matcher date = Pattern.compile("_info/dateEntered>=\\[(.+)]").matcher(part.strip());
            Matcher contains = Pattern.compile("([a-zA-Z/_]+) contains \"([^\"]*)\"").matcher(part.strip());
            if (contains.matches()) {
                String field = contains.group(1);
                String text = contains.group(2).toLowerCase(java.util.Locale.ROOT);
                all = all.and(t -> t.path(field).asText().toLowerCase(java.util.Locale.ROOT).contains(text));
                continue;
            }
            Matcher eq = Pattern.compile("([a-zA-Z/_]+)=\"?(\\w+)\"?").matcher(part.strip());
            if (date.matches()) {
                Instant since = Instant.parse(date.group(1));
                all = all.and(t -> !Instant.parse(t.path("_info").path("dateEntered").asText()).isBefore(since));
            } else if (eq.matches()) {
                String[] path = eq.group(1).split("/");
                String value = eq.group(2);
                all = all.and(t -> {
                    JsonNode node = t;
                    for (String p : path) {
                        node = node.path(p);
                    }
                    return node.asText().equals(value);
                });
            } else {
                throw new IllegalArgumentException("condition not understood by the stub: " + part);
            }
        }
        return all;
    }
}
