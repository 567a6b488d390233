package dev.steward.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ConnectWise Manage 3.0 (THIRD-PARTY-APIS.md §1): Basic {@code company+public:private} plus the {@code clientId}
 * header on every call, {@code /login/companyinfo} and {@code system/info}, tickets, notes with exactly one of the three
 * flags, and callbacks signed with base64(HMAC-SHA256(SHA-256(signing key), body)) whose key is served at
 * {@code Metadata.key_url}; callbacks registered through {@code system/callbacks} are called by {@link #fire}, a
 * self-suppressed one not for its own API member's changes.
 */
final class StubConnectWise extends StubPsa {

    private static final String PREFIX = "/v4_6_release/apis/3.0/";
    private static final String KEY_PATH = "/v4_6_release/apis/callback/key/abc123";
    private static final String SIGNING_KEY = "cw-signing-key";
    private static final String CLIENT_ID = "3f1c0d5e-0000-4000-8000-000000000001";
    private static final Pattern TICKET = Pattern.compile("service/tickets/(\\d+)");
    private static final Pattern NOTES = Pattern.compile("service/tickets/(\\d+)/notes");
    private static final Pattern MEMBER = Pattern.compile("system/members/(\\d+)");

    @Override
    public String getName() {
        return "stub-connectwise";
    }

    @Override
    String kind() {
        return "connectwise";
    }

    @Override
    Map<String, String> settings() {
        return Map.of("apiBase", baseUrl() + PREFIX, "companyId", "acmemsp", "publicKey", "pubkey",
                "privateKey", "privkey", "clientId", CLIENT_ID);
    }

    @Override
    String authenticationHeader() {
        return "x-content-signature";
    }

    @Override
    ObjectNode ticketRecord(long id, long company, String summary, String requester) {
        ObjectNode t = JSON.createObjectNode().put("id", id).put("summary", summary).put("recordType", "ServiceTicket");
        t.putObject("board").put("id", 1).put("name", "Help Desk");
        t.putObject("status").put("id", 17).put("name", "New");
        t.putObject("company").put("id", company).put("identifier", "C" + company).put("name", "Company " + company);
        t.putObject("contact").put("id", 9001).put("name", "Dana Reyes");
        t.put("contactEmailAddress", requester).put("closedFlag", false).put("severity", "Medium");
        t.putObject("_info").put("dateEntered", Instant.now().toString()).put("enteredBy", "Email Connector");
        return t;
    }

    @Override
    Delivery ticketCreated(long id) {
        return callback(id, "added");
    }

    /** The signed callback ConnectWise sends when ticket {@code id} changed (a note was added, say). */
    Delivery ticketUpdated(long id) {
        return callback(id, "updated");
    }

    /**
     * The requester's comment on the ticket, as ConnectWise stores one written through the portal or by e-mail: a
     * discussion note by the contact, no member.
     */
    void requesterComment(long ticket, String text) {
        ObjectNode note = JSON.createObjectNode().put("text", text).put("detailDescriptionFlag", true)
                .put("internalAnalysisFlag", false).put("resolutionFlag", false).put("customerUpdatedFlag", true)
                .put("ticketId", ticket).put("dateCreated", Instant.now().toString());
        note.putObject("contact").put("id", 9001).put("name", "Dana Reyes");
        addNote(ticket, note);
    }

    /** A technician's internal note, as ConnectWise stores one written by member {@code member} (see {@link #MEMBERS}). */
    void technicianNote(long ticket, String text, long member) {
        ObjectNode note = JSON.createObjectNode().put("text", text).put("detailDescriptionFlag", false)
                .put("internalAnalysisFlag", true).put("resolutionFlag", false).put("processNotifications", false)
                .put("ticketId", ticket)
                .put("dateCreated", Instant.now().toString());
        note.putObject("member").put("id", member).put("identifier", "tech" + member).put("name", "Tech " + member);
        addNote(ticket, note);
    }

    /** The MSP's ConnectWise members by id: their office e-mail (the adapter reads it to know a note's author). */
    static final Map<Long, String> MEMBERS = Map.of(77L, "ana@msp.example", 78L, "val@msp.example");

    private Delivery callback(long id, String action) {
        ObjectNode callback = JSON.createObjectNode().put("MessageId", UUID.randomUUID().toString())
                .put("FromUrl", "cw.example").put("CompanyId", "acmemsp").put("MemberId", "dreyes")
                .put("Action", action).put("Type", "ticket").put("ID", id)
                .put("Entity", "{\"id\":" + id + ",\"summary\":\"(see ticket)\"}");
        callback.putObject("Metadata").put("key_url", baseUrl() + KEY_PATH);
        String body = callback.toString();
        return new Delivery(Map.of("Content-Type", "application/json",
                "x-content-signature", Hmac.base64("HmacSHA256", sha256(SIGNING_KEY), body)), body);
    }

    /** The callbacks registered through {@code system/callbacks}, by id (THIRD-PARTY-APIS.md §1.7). */
    private final Map<Long, ObjectNode> callbacks = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong nextCallback = new java.util.concurrent.atomic.AtomicLong(700);
    /** The API member the stub's keys belong to. */
    static final long API_MEMBER = 150;
    private static final Pattern CALLBACK = Pattern.compile("system/callbacks/(\\d+)");

    /** The callbacks registered now. */
    List<ObjectNode> callbacks() {
        return callbacks.values().stream().map(ObjectNode::deepCopy).toList();
    }

    /**
     * What ConnectWise does when member {@code member} changes ticket {@code id}: POSTs the signed callback to every
     * active ticket callback, except a self-suppressed one when the member is the API member that registered it.
     *
     * @return the HTTP status of each delivery, by URL
     */
    Map<String, Integer> fire(long id, long member) throws Exception {
        Map<String, Integer> answered = new java.util.LinkedHashMap<>();
        for (ObjectNode callback : callbacks()) {
            if (callback.path("inactiveFlag").asBoolean() || !callback.path("type").asText().equals("Ticket")
                    || callback.path("isSelfSuppressedFlag").asBoolean() && callback.path("memberId").asLong() == member) {
                continue;
            }
            String url = callback.path("url").asText();
            answered.put(url, java.net.http.HttpClient.newHttpClient().send(ticketUpdated(id).applyTo(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode());
        }
        return answered;
    }

    /** As ConnectWise validates a {@code CallbackEntry}: 400 naming the field. */
    private ResponseDefinition registerCallback(JsonNode entry) {
        String url = entry.path("url").asText("");
        boolean valid = url.matches("https?://[^\\s/]+(/\\S*)?") && entry.path("type").asText().equals("Ticket")
                && List.of("Owner", "Board", "Status", "Company", "Ticket").contains(entry.path("level").asText())
                && entry.path("objectId").canConvertToLong() && entry.path("description").asText("").length() <= 100
                && (!entry.has("isSelfSuppressedFlag") || entry.get("isSelfSuppressedFlag").isBoolean());
        if (!valid) {
            return json(400, Map.of("code", "InvalidObject", "message", "callbackEntry object is invalid"));
        }
        ObjectNode stored = ((ObjectNode) entry.deepCopy()).put("id", nextCallback.incrementAndGet())
                .put("memberId", API_MEMBER);
        callbacks.put(stored.get("id").asLong(), stored);
        return json(201, stored);
    }

    @Override
    boolean internal(ObjectNode note) {
        return note.path("internalAnalysisFlag").asBoolean() && !note.path("detailDescriptionFlag").asBoolean()
                && !note.path("processNotifications").asBoolean(true);
    }

    @Override
    ResponseDefinition answer(Request request, String path) {
        if (path.equals("/login/companyinfo/acmemsp")) {
            return json(200, Map.of("CompanyName", "Acme MSP", "Codebase", "v4_6_release/", "VersionCode", "v2025.16",
                    "CompanyID", "acmemsp", "IsCloud", false, "SiteUrl",
                    baseUrl().replaceFirst("^[a-z]+://", "")));
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString("acmemsp+pubkey:privkey".getBytes());
        if (!expected.equals(request.getHeader("Authorization")) || !CLIENT_ID.equals(request.getHeader("clientId"))) {
            return json(401, Map.of("code", "Unauthorized", "message", "Authentication failed"));
        }
        if (path.equals(KEY_PATH)) {
            return json(200, Map.of("signing_key", SIGNING_KEY));
        }
        String resource = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
        if (resource.equals("system/info")) {
            return json(200, Map.of("version", "v2025.16.10000", "isCloud", false));
        }
        Matcher m;
        if ((m = NOTES.matcher(resource)).matches() && exists(Long.parseLong(m.group(1)))) {
            long id = Long.parseLong(m.group(1));
            if (request.getMethod().equals(RequestMethod.GET)) {
                return json(200, notesOf(id));
            }
            JsonNode body = body(request);
            int flags = (body.path("detailDescriptionFlag").asBoolean() ? 1 : 0)
                    + (body.path("internalAnalysisFlag").asBoolean() ? 1 : 0)
                    + (body.path("resolutionFlag").asBoolean() ? 1 : 0);
            if (flags != 1 || !body.hasNonNull("text")) {
                return json(400, Map.of("code", "InvalidObject", "message", "note object is invalid", "errors",
                        List.of(Map.of("code", "InvalidField", "message", "exactly one flag must be set"))));
            }
            ObjectNode note = ((ObjectNode) body.deepCopy()).put("ticketId", id)
                    .put("dateCreated", Instant.now().toString()).put("createdBy", "helpdesk-agent");
            return json(201, addNote(id, note));
        }
        if ((m = TICKET.matcher(resource)).matches() && request.getMethod().equals(RequestMethod.PATCH)) {
            ObjectNode ticket = ticket(Long.parseLong(m.group(1)));
            JsonNode op = body(request).path(0);
            if (ticket == null) {
                return json(404, Map.of("code", "NotFound", "message", "Record not found"));
            }
            if (!"replace".equals(op.path("op").asText()) || !List.of("automaticEmailContactFlag", "status")
                    .contains(op.path("path").asText())) {
                return json(400, Map.of("code", "InvalidObject", "message", "unsupported patch"));
            }
            ticket.set(op.path("path").asText(), op.path("value"));
            return json(200, ticket);
        }
        if (resource.equals("system/callbacks") && request.getMethod().equals(RequestMethod.POST)) {
            return registerCallback(body(request));
        }
        if ((m = CALLBACK.matcher(resource)).matches() && request.getMethod().equals(RequestMethod.DELETE)) {
            return callbacks.remove(Long.parseLong(m.group(1))) == null
                    ? json(404, Map.of("code", "NotFound", "message", "Record not found"))
                    : new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder().withStatus(204).build();
        }
        if ((m = MEMBER.matcher(resource)).matches() && request.getMethod().equals(RequestMethod.GET)) {
            String email = MEMBERS.get(Long.parseLong(m.group(1)));
            return email == null ? json(404, Map.of("code", "NotFound", "message", "Record not found"))
                    : json(200, Map.of("id", Long.parseLong(m.group(1)), "identifier", "tech" + m.group(1),
                    "officeEmail", email));
        }
        if ((m = TICKET.matcher(resource)).matches() && request.getMethod().equals(RequestMethod.GET)) {
            ObjectNode ticket = ticket(Long.parseLong(m.group(1)));
            return ticket == null ? json(404, Map.of("code", "NotFound", "message", "Record not found"))
                    : json(200, ticket);
        }
        return json(404, Map.of("code", "NotFound", "message", "Record not found: " + resource));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
