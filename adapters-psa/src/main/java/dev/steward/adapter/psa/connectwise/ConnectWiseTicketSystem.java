package dev.steward.adapter.psa.connectwise;

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
import dev.steward.adapter.psa.common.VendorRules;
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
 * notifications off; reply = discussion note ({@code detailDescriptionFlag}) with notifications on, sent while the
 * ticket's "e-mail the contact" flag ({@code automaticEmailContactFlag}) is set — set for the reply and put back after
 * it when the ticket had it off — so the contact is e-mailed; a ticket without a contact gets the note, not e-mailed.
 * Approval request = internal note (technicians approve). Lists are read page by page (board statuses too, within the
 * page size) while the {@code Link} header has {@code rel="next"}, re-sending the conditions on every page. Project
 * tickets ({@code recordType} other than {@code ServiceTicket}) are not taken.
 *
 * <p>Where the API lives is discovered from {@code /login/companyinfo/{companyId}} (codebase, API host, version) when
 * only the site is configured, and discovered again after any 404 (an upgrade moves the codebase). The
 * {@code Accept} header asks for the version this adapter was written against, or the server's own when it is older.
 * ConnectWise cloud answers wrong credentials with 404, so a 404 is checked against {@code system/info}: when that
 * is refused too, the failure is the credentials, not a missing ticket.
 */
public final class ConnectWiseTicketSystem implements PsaSystem {

    static final String KIND = "connectwise";
    /** The API version this adapter was written against; an older server is asked for its own. */
    static final ApiVersion WRITTEN_FOR = ApiVersion.parse("2025.16").orElseThrow();
    private static final String ACCEPT = "application/vnd.connectwise.com+json; version=";
    private static final java.util.regex.Pattern CODEBASE = java.util.regex.Pattern.compile("[A-Za-z0-9_.]{1,40}/?");
    private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile(
            "[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?");

    private final ConnectWiseSettings settings;
    private final PsaHttp http;
    private final String authorization;
    private final PeopleEmails memberEmails = new PeopleEmails(this::memberEmail);
    private volatile URI apiBase;
    private volatile ApiVersion version = WRITTEN_FOR;
    private volatile boolean discovered;

    public ConnectWiseTicketSystem(ConnectWiseSettings settings) {
        this(settings, PsaHttp.defaultClient(), Sleeper.REAL);
    }

    public ConnectWiseTicketSystem(ConnectWiseSettings settings, HttpClient client, Sleeper sleeper) {
        this.settings = settings;
        this.http = new PsaHttp(KIND, client, settings.http(), sleeper, new Rules());
        this.apiBase = settings.apiBase().orElse(null);
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
        return onceMoved(() -> serviceTicketsSince(since));
    }

    private List<PsaTicket> serviceTicketsSince(Instant since) {
        String conditions = "closedFlag=false and _info/dateEntered>=[" + since.truncatedTo(ChronoUnit.SECONDS) + "]"
                + settings.boardId().map(b -> " and board/id=" + b).orElse("");
        List<PsaTicket> tickets = new ArrayList<>();
        for (JsonNode node : pages("service/tickets", "conditions=" + encode(conditions) + "&orderBy="
                + encode("id asc"), Optional.empty())) {
            if (isServiceTicket(node)) {
                tickets.add(toTicket(node, ""));
            }
        }
        tickets.sort(Comparator.comparing(PsaTicket::createdAt).thenComparing(t -> Long.parseLong(t.id())));
        return List.copyOf(tickets);
    }

    @Override
    public PsaTicket ticket(String ticketId) {
        return onceMoved(() -> {
            JsonNode node = serviceTicket(ticketId);
            return toTicket(node, description(ticketId));
        });
    }

    /** @throws NotFound ({@code ticket}) for a ticket that is not there, or is a project ticket */
    private JsonNode serviceTicket(String ticketId) {
        JsonNode node = http.json(get(url(ticketPath(ticketId))), TicketIds.notFound(ticketId));
        if (!isServiceTicket(node)) {
            throw new NotFound("ticket", ticketId);
        }
        return node;
    }

    /** Project tickets and issues share the ticket ids but are not the helpdesk's to work. */
    private static boolean isServiceTicket(JsonNode node) {
        return Json.text(node, "recordType").map("ServiceTicket"::equalsIgnoreCase).orElse(true);
    }

    private String description(String ticketId) {
        String description = noteNodes(ticketId).stream().filter(n -> Json.flag(n, "detailDescriptionFlag"))
                .findFirst().flatMap(n -> Json.text(n, "text")).orElse("");
        return description;
    }

    @Override
    public List<PsaNote> notes(String ticketId) {
        return onceMoved(() -> noteNodes(ticketId).stream().map(n -> toNote(n, ticketId)).toList());
    }

    @Override
    public PsaNote addInternalNote(String ticketId, String text) {
        return onceMoved(() -> postNote(ticketId, text, "internalAnalysisFlag", false));
    }

    @Override
    public PsaNote addReply(String ticketId, String text) {
        return onceMoved(() -> reply(ticketId, text));
    }

    @Override
    public PsaNote addApprovalRequest(String ticketId, String text) {
        return onceMoved(() -> postNote(ticketId, text, "internalAnalysisFlag", false));
    }

    /**
     * A discussion note with notifications on. ConnectWise e-mails it to the contact only while the ticket's
     * {@code automaticEmailContactFlag} is set, so a ticket that has it off gets it set for this note and put back
     * after it (even when the note failed). A ticket without a contact has nobody to e-mail: posted, not e-mailed.
     */
    private PsaNote reply(String ticketId, String text) {
        JsonNode ticket = serviceTicket(ticketId);
        boolean hasContact = Json.text(ticket, "contactEmailAddress").filter(e -> !e.isBlank()).isPresent();
        if (!hasContact) {
            return postNote(ticketId, text, "detailDescriptionFlag", true)
                    .notEmailed("the ticket has no contact with an e-mail address");
        }
        boolean flagged = Json.flag(ticket, "automaticEmailContactFlag");
        if (!flagged) {
            patchTicket(ticketId, "automaticEmailContactFlag", Json.MAPPER.getNodeFactory().booleanNode(true));
        }
        try {
            return postNote(ticketId, text, "detailDescriptionFlag", true).emailed();
        } finally {
            if (!flagged) {
                patchTicket(ticketId, "automaticEmailContactFlag", Json.MAPPER.getNodeFactory().booleanNode(false));
            }
        }
    }

    @Override
    public void updateStatus(String ticketId, String statusLabel) {
        onceMoved(() -> {
            moveTo(ticketId, statusLabel);
            return null;
        });
    }

    private void moveTo(String ticketId, String statusLabel) {
        JsonNode ticket = serviceTicket(ticketId);
        String board = Json.required(KIND, ticket, "board", "id");
        List<JsonNode> statuses = pages("service/boards/" + TicketIds.numeric(board) + "/statuses",
                "orderBy=" + encode("id asc"), Optional.empty());
        String statusId = statuses.stream()
                .filter(s -> Json.text(s, "name").map(statusLabel::equalsIgnoreCase).orElse(false))
                .findFirst().map(s -> Json.required(KIND, s, "id"))
                .orElseThrow(() -> new NotFound("ticket status", statusLabel));
        patchTicket(ticketId, "status", Json.MAPPER.createObjectNode().put("id", Long.parseLong(statusId)));
    }

    private void patchTicket(String ticketId, String path, JsonNode value) {
        ArrayNode patch = Json.MAPPER.createArrayNode();
        patch.addObject().put("op", "replace").put("path", path).set("value", value);
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
        return onceMoved(() -> pages("company/contacts", query, Optional.empty()).stream()
                .map(ConnectWiseTicketSystem::toContact)
                .filter(c -> email.map(c.email()::equalsIgnoreCase).orElse(true)).toList());
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

    /** Companies not deleted, by name ({@code company/companies}), a page number as the cursor. */
    @Override
    public Directory.Page companies(String search, Optional<String> cursor, int limit) {
        int page = PsaSystem.page(cursor);
        String text = PsaSystem.searchable(search);
        String conditions = "deletedFlag=false" + (text.isEmpty() ? "" : " and name contains \"" + text + "\"");
        int size = Math.min(limit, settings.pageSize());
        return onceMoved(() -> {
            HttpResponse<String> response = http.send(get(url("company/companies?conditions=" + encode(conditions)
                    + "&orderBy=" + encode("name asc") + "&fields=" + encode("id,identifier,name,deletedFlag")
                    + "&pageSize=" + size + "&page=" + page)), Optional.empty());
            JsonNode body = Json.parse(KIND, response.body());
            if (!body.isArray()) {
                throw PortFailure.permanent(KIND, KIND + " answered company/companies without a list", null);
            }
            List<Directory.Entry> entries = new ArrayList<>();
            body.forEach(c -> entries.add(toCompany(c)));
            boolean more = response.headers().allValues("Link").stream().anyMatch(l -> l.contains("rel=\"next\""));
            return new Directory.Page(entries, more && !entries.isEmpty() ? Optional.of("page:" + (page + 1))
                    : Optional.empty());
        });
    }

    @Override
    public Optional<Directory.Entry> company(String id) {
        try {
            JsonNode company = onceMoved(() -> http.json(get(url("company/companies/" + TicketIds.numeric(id))),
                    () -> new NotFound("company", id)));
            return Json.flag(company, "deletedFlag") ? Optional.empty() : Optional.of(toCompany(company));
        } catch (NotFound gone) {
            return Optional.empty();
        }
    }

    private static Directory.Entry toCompany(JsonNode company) {
        return new Directory.Entry(Json.required(KIND, company, "id"), Json.text(company, "name").orElse(""),
                Json.text(company, "identifier").orElse(""));
    }

    /**
     * Registers a callback for every service ticket ({@code POST system/callbacks}: type {@code Ticket}, level
     * {@code Owner}, object 1) delivering to {@code url}, self-suppressed: changes made by the API member itself
     * (Steward's notes and status changes) fire no callback, so Steward's writes never wake the agent again.
     *
     * @return the callback's id, to remove it with
     * @throws PortFailure if ConnectWise refused it (e.g. the API member's role may not edit callbacks) or did not answer
     */
    String registerCallback(String url, String description) {
        ObjectNode callback = Json.MAPPER.createObjectNode().put("url", url).put("objectId", 1).put("type", "Ticket")
                .put("level", "Owner").put("description", description.length() > 100 ? description.substring(0, 100)
                        : description).put("inactiveFlag", false).put("isSelfSuppressedFlag", true);
        JsonNode created = onceMoved(() -> http.json(authorized(http.request(url("system/callbacks")))
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(callback))).build()));
        return Json.required(KIND, created, "id");
    }

    /** Removes callback {@code id} ({@code DELETE system/callbacks/{id}}); one that is gone already counts as removed. */
    void removeCallback(String id) {
        try {
            onceMoved(() -> http.send(authorized(http.request(url("system/callbacks/" + TicketIds.numeric(id))))
                    .DELETE().build(), Optional.of(() -> new NotFound("callback", id))));
        } catch (NotFound gone) {
            // removed before (by hand, or by an earlier disconnect that did not finish)
        }
    }

    /** The callback signing key at {@code keyUrl} ({@code {"signing_key":"…"}}), read with the API credentials. */
    String signingKey(URI keyUrl) {
        return Json.required(KIND, http.json(get(keyUrl)), "signing_key");
    }

    /** Where the API is ({@code https://{host}/{codebase}/apis/3.0/}), discovered first when only the site is known. */
    URI apiBase() {
        if (!discovered) {
            if (settings.apiBase().isEmpty()) {
                discover();
            } else {
                try {
                    discover();
                } catch (PortFailure cannotTell) {
                    // an on-premises host without companyinfo: the configured base and version stand
                    discovered = true;
                }
            }
        }
        return apiBase;
    }

    /**
     * Reads {@code /login/companyinfo/{companyId}} (no credentials needed): the codebase, the API host
     * ({@code SiteUrl}) and the server's version. Without a configured API base, the base is built from them; with
     * one, only its codebase follows a move.
     *
     * @return whether the API base changed
     * @throws PortFailure permanent when the site knows no such company, retryable when it cannot be reached
     */
    private synchronized boolean discover() {
        URI info = settings.discoveryRoot().resolve("login/companyinfo/" + encode(settings.companyId()));
        JsonNode company = http.json(http.request(info).header("Accept", "application/json").GET().build());
        Optional<String> codebase = Json.text(company, "Codebase").filter(c -> CODEBASE.matcher(c).matches());
        if (codebase.isEmpty()) {
            throw PortFailure.permanent(KIND, KIND + " at " + settings.discoveryRoot().getHost()
                    + " knows no company " + settings.companyId() + " (login/companyinfo names no codebase)", null);
        }
        Json.text(company, "VersionCode").flatMap(ApiVersion::parse)
                .ifPresent(server -> version = server.compareTo(WRITTEN_FOR) < 0 ? server : WRITTEN_FOR);
        String path = codebase.get().endsWith("/") ? codebase.get() : codebase.get() + "/";
        URI root = settings.apiBase().map(base -> URI.create(base.getScheme() + "://" + base.getRawAuthority() + "/"))
                .orElseGet(() -> apiRoot(company));
        URI next = root.resolve(path + "apis/3.0/");
        boolean changed = !next.equals(apiBase);
        apiBase = next;
        discovered = true;
        return changed;
    }

    /** The API host the site names ({@code SiteUrl}), with the site's scheme; the site itself when it names none. */
    private URI apiRoot(JsonNode company) {
        URI site = settings.discoveryRoot();
        String host = Json.text(company, "SiteUrl").map(String::strip).filter(h -> HOST.matcher(h).matches())
                .orElse(site.getRawAuthority());
        return URI.create(site.getScheme() + "://" + host + "/");
    }

    /**
     * Runs an operation; when a 404 showed that the codebase moved (a server upgrade), runs it once more at the new
     * place.
     */
    private <T> T onceMoved(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (CodebaseMoved moved) {
            try {
                return operation.get();
            } catch (CodebaseMoved again) {
                throw PortFailure.retryable(KIND, KIND + " moved its API twice during one call", null);
            }
        }
    }

    /** A 404 at a codebase that has since moved: the operation is run again at the new one. */
    private static final class CodebaseMoved extends IllegalStateException {
        CodebaseMoved() {
            super("the ConnectWise codebase moved", null);
        }
    }

    /** ConnectWise's 404s: a moved codebase, wrong credentials on cloud, or a record that is not there. */
    private final class Rules implements VendorRules {

        @Override
        public Optional<RuntimeException> failure(HttpRequest request, HttpResponse<String> response) {
            if (response.statusCode() != 404 || request.headers().firstValue("clientId").isEmpty()
                    || request.uri().getPath().contains("/callback")) {
                return Optional.empty();
            }
            if (request.uri().getPath().endsWith("/system/info")) {
                return Optional.of(credentialsRefused());
            }
            boolean moved;
            try {
                moved = discover();
            } catch (PortFailure cannotTell) {
                moved = false;
            }
            if (moved) {
                return Optional.of(new CodebaseMoved());
            }
            try {
                http.json(get(url("system/info")));
            } catch (PortFailure failure) {
                return failure.retryable() ? Optional.empty() : Optional.of(failure);
            }
            return Optional.empty();
        }
    }

    private static PortFailure credentialsRefused() {
        return PortFailure.permanent(KIND, KIND + " refused the credentials (HTTP 404 on system/info, how ConnectWise "
                + "cloud answers a wrong company id, public or private key)", null);
    }

    /**
     * Finds the API (the site's company info) and reads {@code system/info}, the cheapest call every API member may
     * make, with the credentials.
     */
    @Override
    public void checkConnection() {
        String host = settings.site().isPresent() ? "settings.site" : "settings.apiBase";
        try {
            apiBase();
        } catch (PortFailure failure) {
            throw failure.retryable() ? PsaProvider.unreachable(host, failure)
                    : InvalidValue.of("settings.companyId", "unknown", failure.getMessage());
        }
        try {
            onceMoved(() -> http.json(get(url("system/info"))));
        } catch (PortFailure failure) {
            throw failure.retryable() ? PsaProvider.unreachable(host, failure) : InvalidValue.of("settings.privateKey",
                    "refused", "was refused by ConnectWise together with the company id, public key and client id ("
                            + failure.getMessage() + ")");
        }
    }

    /** A ConnectWise API version, {@code 2025.16} (a {@code v} before it, as in {@code VersionCode}, is allowed). */
    record ApiVersion(int year, int release) implements Comparable<ApiVersion> {

        static Optional<ApiVersion> parse(String text) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("v?([0-9]{4})\\.([0-9]{1,3})(\\..*)?")
                    .matcher(text.strip());
            return m.matches() ? Optional.of(new ApiVersion(Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)))) : Optional.empty();
        }

        @Override
        public int compareTo(ApiVersion other) {
            return year != other.year ? Integer.compare(year, other.year) : Integer.compare(release, other.release);
        }

        @Override
        public String toString() {
            return year + "." + release;
        }
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

    private HttpRequest get(URI uri) {
        return authorized(http.request(uri)).GET().build();
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
        return builder.header("Authorization", authorization)
                .header("clientId", settings.clientId().reveal())
                .header("Accept", ACCEPT + version)
                .header("Content-Type", "application/json");
    }

    private URI url(String pathAndQuery) {
        return apiBase().resolve(pathAndQuery);
    }



    private static String ticketPath(String ticketId) {
        return "service/tickets/" + TicketIds.numeric(ticketId);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "ConnectWiseTicketSystem[" + settings.site().or(settings::apiBase).orElseThrow() + ", company "
                + settings.companyId() + "]";
    }
}
