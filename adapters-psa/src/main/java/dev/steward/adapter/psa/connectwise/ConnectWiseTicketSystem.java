package dev.steward.adapter.psa.connectwise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.adapter.psa.common.Json;
import dev.steward.adapter.psa.common.PsaContacts;
import dev.steward.adapter.psa.common.PsaSystem;
import dev.steward.adapter.psa.common.PeopleEmails;
import dev.steward.adapter.psa.common.PsaHttp;
import dev.steward.adapter.psa.common.Sleeper;
import dev.steward.adapter.psa.common.TicketIds;
import dev.steward.application.port.PsaCapability;
import dev.steward.application.port.PsaNote;
import dev.steward.application.port.PsaNote.Visibility;
import dev.steward.application.port.PsaTicket;
import dev.steward.application.port.TicketSystem;
import dev.steward.application.problem.NotFound;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * ConnectWise Manage (PSA API 3.0, THIRD-PARTY-APIS.md §1). Notes: internal = {@code internalAnalysisFlag} with
 * notifications off; reply = discussion note ({@code detailDescriptionFlag}) with notifications on, so the contact is
 * e-mailed; approval request = internal note (technicians approve). Lists are read page by page while the
 * {@code Link} header has {@code rel="next"}, re-sending the conditions on every page.
 */
public final class ConnectWiseTicketSystem implements PsaSystem {

    static final String KIND = "connectwise";
    private static final String ACCEPT = "application/vnd.connectwise.com+json; version=2025.16";

    private final ConnectWiseSettings settings;
    private final PsaHttp http;
    private final String authorization;
    private final PeopleEmails memberEmails = new PeopleEmails(this::memberEmail);

    public ConnectWiseTicketSystem(ConnectWiseSettings settings) {
        this(settings, PsaHttp.defaultClient(), Sleeper.REAL);
    }

    public ConnectWiseTicketSystem(ConnectWiseSettings settings, HttpClient client, Sleeper sleeper) {
        this.settings = settings;
        this.http = new PsaHttp(KIND, client, settings.http(), sleeper);
        String user = settings.companyId() + "+" + settings.publicKey() + ":" + settings.privateKey().reveal();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
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
        String conditions = "closedFlag=false and _info/dateEntered>=[" + since.truncatedTo(ChronoUnit.SECONDS) + "]"
                + settings.boardId().map(b -> " and board/id=" + b).orElse("");
        List<PsaTicket> tickets = new ArrayList<>();
        for (JsonNode node : pages("service/tickets", "conditions=" + encode(conditions) + "&orderBy="
                + encode("id asc"), Optional.empty())) {
            tickets.add(toTicket(node, ""));
        }
        tickets.sort(Comparator.comparing(PsaTicket::createdAt).thenComparing(t -> Long.parseLong(t.id())));
        return List.copyOf(tickets);
    }

    @Override
    public PsaTicket ticket(String ticketId) {
        JsonNode node = http.json(get(url(ticketPath(ticketId))), TicketIds.notFound(ticketId));
        String description = noteNodes(ticketId).stream().filter(n -> Json.flag(n, "detailDescriptionFlag"))
                .findFirst().flatMap(n -> Json.text(n, "text")).orElse("");
        return toTicket(node, description);
    }

    @Override
    public List<PsaNote> notes(String ticketId) {
        return noteNodes(ticketId).stream().map(n -> toNote(n, ticketId)).toList();
    }

    @Override
    public PsaNote addInternalNote(String ticketId, String text) {
        return postNote(ticketId, text, "internalAnalysisFlag", false);
    }

    @Override
    public PsaNote addReply(String ticketId, String text) {
        return postNote(ticketId, text, "detailDescriptionFlag", true);
    }

    @Override
    public PsaNote addApprovalRequest(String ticketId, String text) {
        return postNote(ticketId, text, "internalAnalysisFlag", false);
    }

    @Override
    public void updateStatus(String ticketId, String statusLabel) {
        JsonNode ticket = http.json(get(url(ticketPath(ticketId))), TicketIds.notFound(ticketId));
        String board = Json.required(KIND, ticket, "board", "id");
        JsonNode statuses = http.json(get(url("service/boards/" + board + "/statuses?pageSize=1000")));
        String statusId = stream(statuses)
                .filter(s -> Json.text(s, "name").map(statusLabel::equalsIgnoreCase).orElse(false))
                .findFirst().map(s -> Json.required(KIND, s, "id"))
                .orElseThrow(() -> new NotFound("ticket status", statusLabel));
        ArrayNode patch = Json.MAPPER.createArrayNode();
        ObjectNode op = patch.addObject().put("op", "replace").put("path", "status");
        op.putObject("value").put("id", Long.parseLong(statusId));
        http.json(authorized(http.request(url(ticketPath(ticketId))))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(Json.write(patch))).build(),
                TicketIds.notFound(ticketId));
    }

    /** Contacts of a company ({@code company/contacts}); the e-mail is a child condition on communicationItems. */
    @Override
    public List<Contact> contacts(String companyId, Optional<String> email) {
        String query = "conditions=" + encode("company/id=" + PsaContacts.numericCompany(companyId) + " and inactiveFlag=false")
                + email.map(e -> "&childConditions=" + encode("communicationItems/value=\"" + e + "\"")).orElse("")
                + "&orderBy=" + encode("id asc");
        return pages("company/contacts", query, Optional.empty()).stream().map(ConnectWiseTicketSystem::toContact)
                .filter(c -> email.map(c.email()::equalsIgnoreCase).orElse(true)).toList();
    }

    private static Contact toContact(JsonNode node) {
        String email = "";
        String phone = "";
        for (JsonNode item : Json.field(node, "communicationItems")) {
            String type = Json.text(item, "communicationType").orElse("");
            String value = Json.text(item, "value").orElse("");
            if (type.equalsIgnoreCase("Email") && (email.isEmpty() || Json.flag(item, "defaultFlag"))) {
                email = value;
            } else if (type.equalsIgnoreCase("Phone") && phone.isEmpty()) {
                phone = value;
            }
        }
        String name = (Json.text(node, "firstName").orElse("") + " " + Json.text(node, "lastName").orElse("")).strip();
        return new Contact(Json.required(KIND, node, "id"), name, email, phone);
    }

    /** The callback signing key at {@code keyUrl} ({@code {"signing_key":"…"}}), read with the API credentials. */
    String signingKey(URI keyUrl) {
        return Json.required(KIND, http.json(get(keyUrl)), "signing_key");
    }

    private PsaNote postNote(String ticketId, String text, String flag, boolean notify) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("text", text)
                .put("detailDescriptionFlag", flag.equals("detailDescriptionFlag"))
                .put("internalAnalysisFlag", flag.equals("internalAnalysisFlag"))
                .put("resolutionFlag", false)
                .put("processNotifications", notify);
        JsonNode saved = http.json(authorized(http.request(url(ticketPath(ticketId) + "/notes")))
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build(), TicketIds.notFound(ticketId));
        return toNote(saved, ticketId);
    }

    private List<JsonNode> noteNodes(String ticketId) {
        return pages(ticketPath(ticketId) + "/notes", "orderBy=" + encode("id asc"),
                Optional.of(TicketIds.notFound(ticketId)));
    }

    /** Every element of every page of a list, conditions and order re-sent on each page. */
    private List<JsonNode> pages(String path, String query, Optional<Supplier<NotFound>> notFound) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            HttpResponse<String> response = http.send(get(url(path + "?" + query + "&pageSize=" + settings.pageSize()
                    + "&page=" + page)), notFound);
            JsonNode body = Json.parse(KIND, response.body());
            if (!body.isArray()) {
                throw dev.steward.application.problem.PortFailure.permanent(KIND,
                        KIND + " answered " + path + " with " + body.getNodeType() + " where a list was expected", null);
            }
            body.forEach(all::add);
            boolean hasNext = response.headers().allValues("Link").stream().anyMatch(l -> l.contains("rel=\"next\""));
            if (!hasNext || body.isEmpty()) {
                return all;
            }
        }
    }

    private static PsaTicket toTicket(JsonNode node, String description) {
        String requester = Json.text(node, "contactEmailAddress").filter(s -> !s.isBlank())
                .or(() -> Json.text(node, "contact", "name")).orElse("");
        return new PsaTicket(Json.required(KIND, node, "id"), Json.required(KIND, node, "company", "id"),
                Json.text(node, "summary").orElse(""), description, requester,
                Json.text(node, "status", "name").orElse(""), Json.flag(node, "closedFlag"),
                Json.instant(KIND, Json.required(KIND, node, "_info", "dateEntered")));
    }

    private PsaNote toNote(JsonNode node, String ticketId) {
        Visibility visibility = Json.flag(node, "internalAnalysisFlag") ? Visibility.INTERNAL : Visibility.PUBLIC;
        Instant created = Json.text(node, "dateCreated").or(() -> Json.text(node, "_info", "lastUpdated"))
                .map(t -> Json.instant(KIND, t)).orElse(Instant.EPOCH);
        return new PsaNote(Json.required(KIND, node, "id"), ticketId, Json.text(node, "text").orElse(""), visibility,
                created, authorOf(node));
    }

    /**
     * A note by a contact (the requester writing through the portal or e-mail) has {@code contact} and no
     * {@code member}, or says {@code customerUpdatedFlag}; one by a member (technician) has {@code member}, whose
     * e-mail is the member's {@code officeEmail}.
     */
    private PsaNote.Author authorOf(JsonNode note) {
        Optional<String> member = Json.text(note, "member", "id");
        Optional<String> contact = Json.text(note, "contact", "id");
        if (contact.isPresent() && (member.isEmpty() || Json.flag(note, "customerUpdatedFlag"))) {
            return PsaNote.Author.contact(Json.text(note, "contact", "name").orElse(""), "");
        }
        if (member.isPresent()) {
            String name = Json.text(note, "member", "name").or(() -> Json.text(note, "member", "identifier"))
                    .orElse("");
            return PsaNote.Author.technician(name, memberEmails.of(member.get()));
        }
        return PsaNote.Author.UNKNOWN;
    }

    private String memberEmail(String memberId) {
        JsonNode member = http.json(get(url("system/members/" + TicketIds.numeric(memberId))),
                () -> new NotFound("member", memberId));
        return Json.text(member, "officeEmail").filter(e -> !e.isBlank())
                .or(() -> Json.text(member, "primaryEmail")).orElse("");
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    private HttpRequest get(URI uri) {
        return authorized(http.request(uri)).GET().build();
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
        return builder.header("Authorization", authorization)
                .header("clientId", settings.clientId().reveal())
                .header("Accept", ACCEPT)
                .header("Content-Type", "application/json");
    }

    private URI url(String pathAndQuery) {
        return settings.apiBase().resolve(pathAndQuery);
    }



    private static String ticketPath(String ticketId) {
        return "service/tickets/" + TicketIds.numeric(ticketId);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "ConnectWiseTicketSystem[" + settings.apiBase() + ", company " + settings.companyId() + "]";
    }
}
