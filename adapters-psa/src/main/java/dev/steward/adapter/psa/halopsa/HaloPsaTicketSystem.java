package dev.steward.adapter.psa.halopsa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.steward.adapter.psa.common.Json;
import dev.steward.adapter.psa.common.PsaContacts;
import dev.steward.adapter.psa.common.PsaSystem;
import dev.steward.adapter.psa.common.NoteHtml;
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
import dev.steward.application.problem.PortFailure;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * HaloPSA (THIRD-PARTY-APIS.md §2). OAuth2 client credentials: the bearer token is fetched on first use and renewed
 * a minute before it expires, and renewed once when the API rejects it (revoked early). Notes are actions: internal = {@code hiddenfromuser:true} with the internal outcome and
 * no e-mail; reply = visible action with the reply outcome and {@code sendemail:true}; approval request = internal.
 * POST bodies are arrays, paging uses {@code pageinate=true} (sic) and stops at {@code record_count}. Status labels
 * come from {@code /api/Status}.
 */
public final class HaloPsaTicketSystem implements PsaSystem {

    static final String KIND = "halopsa";
    private static final Duration RENEW_BEFORE = Duration.ofSeconds(60);

    private final HaloPsaSettings settings;
    private final PsaHttp http;
    private final Clock clock;
    private String token;
    private Instant tokenExpires = Instant.MIN;
    private Map<String, String> statusNames;
    private final PeopleEmails agentEmails = new PeopleEmails(this::agentEmail);

    public HaloPsaTicketSystem(HaloPsaSettings settings, Clock clock) {
        this(settings, clock, PsaHttp.defaultClient(), Sleeper.REAL);
    }

    public HaloPsaTicketSystem(HaloPsaSettings settings, Clock clock, HttpClient client, Sleeper sleeper) {
        this.settings = settings;
        this.clock = clock;
        this.http = new PsaHttp(KIND, client, settings.http(), sleeper);
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
        List<PsaTicket> tickets = new ArrayList<>();
        for (int page = 1; ; page++) {
            String query = "Tickets?pageinate=true&page_size=" + settings.pageSize() + "&page_no=" + page
                    + "&open_only=true&order=id";
            JsonNode body = call(() -> get(query));
            JsonNode list = Json.field(body, "tickets");
            if (!list.isArray()) {
                throw PortFailure.permanent(KIND, KIND + " answered Tickets without a tickets list", null);
            }
            for (JsonNode node : list) {
                PsaTicket ticket = toTicket(node);
                if (!ticket.closed() && !ticket.createdAt().isBefore(since)) {
                    tickets.add(ticket);
                }
            }
            long total = Json.field(body, "record_count").asLong(0);
            if (list.isEmpty() || (long) page * settings.pageSize() >= total) {
                break;
            }
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
        String query = "Actions?ticket_id=" + TicketIds.numeric(ticketId)
                + "&excludesys=true&excludeprivate=false&conversationonly=false&includehtmlnote=true";
        JsonNode body = call(() -> get(query));
        JsonNode list = body.isArray() ? body : Json.field(body, "actions");
        List<PsaNote> notes = new ArrayList<>();
        list.forEach(a -> notes.add(toNote(a, ticketId)));
        notes.sort(Comparator.comparing(PsaNote::createdAt).thenComparing(n -> Long.parseLong(n.id())));
        return List.copyOf(notes);
    }

    @Override
    public PsaNote addInternalNote(String ticketId, String text) {
        return addAction(ticketId, text, true);
    }

    @Override
    public PsaNote addReply(String ticketId, String text) {
        return addAction(ticketId, text, false);
    }

    @Override
    public PsaNote addApprovalRequest(String ticketId, String text) {
        return addAction(ticketId, text, true);
    }

    @Override
    public void updateStatus(String ticketId, String statusLabel) {
        ticketNode(ticketId);
        String statusId = statusNames(false).entrySet().stream()
                .filter(e -> e.getValue().equalsIgnoreCase(statusLabel)).map(Map.Entry::getKey).findFirst()
                .or(() -> statusNames(true).entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(statusLabel))
                        .map(Map.Entry::getKey).findFirst())
                .orElseThrow(() -> new NotFound("ticket status", statusLabel));
        ArrayNode body = Json.MAPPER.createArrayNode();
        body.addObject().put("id", Long.parseLong(ticketId)).put("status_id", Long.parseLong(statusId));
        call(() -> post("Tickets", body));
    }

    /** Halo's users of a client ({@code Users?client_id=}), the e-mail as the search term and then matched exactly. */
    @Override
    public List<Contact> contacts(String companyId, Optional<String> email) {
        List<Contact> contacts = new ArrayList<>();
        for (int page = 1; ; page++) {
            String query = "Users?pageinate=true&page_size=" + settings.pageSize() + "&page_no=" + page
                    + "&client_id=" + PsaContacts.numericCompany(companyId) + "&includeinactive=false"
                    + email.map(e -> "&search=" + encode(e)).orElse("");
            JsonNode body = call(() -> get(query));
            JsonNode list = Json.field(body, "users");
            if (!list.isArray()) {
                throw PortFailure.permanent(KIND, KIND + " answered Users without a users list", null);
            }
            for (JsonNode node : list) {
                Contact contact = new Contact(Json.required(KIND, node, "id"), Json.text(node, "name").orElse(""),
                        Json.text(node, "emailaddress").orElse(""), Json.text(node, "phonenumber").orElse(""));
                if (email.map(contact.email()::equalsIgnoreCase).orElse(true)) {
                    contacts.add(contact);
                }
            }
            if (list.isEmpty() || (long) page * settings.pageSize() >= Json.field(body, "record_count").asLong(0)) {
                return List.copyOf(contacts);
            }
        }
    }

    private PsaNote addAction(String ticketId, String text, boolean hidden) {
        ticketNode(ticketId);
        ArrayNode body = Json.MAPPER.createArrayNode();
        body.addObject().put("ticket_id", Long.parseLong(ticketId))
                .put("outcome_id", hidden ? settings.internalOutcomeId() : settings.replyOutcomeId())
                .put("hiddenfromuser", hidden)
                .put("sendemail", !hidden)
                .put("note_html", NoteHtml.of(text));
        JsonNode saved = call(() -> post("Actions", body));
        return toNote(saved.isArray() ? saved.path(0) : saved, ticketId);
    }

    private JsonNode ticketNode(String ticketId) {
        String path = "Tickets/" + TicketIds.numeric(ticketId) + "?includedetails=true&includelastaction=false";
        return call(() -> get(path), ticketId);
    }

    private PsaTicket toTicket(JsonNode node) {
        String status = Json.text(node, "status_name")
                .or(() -> Json.text(node, "status_id").map(id -> statusNames(false).getOrDefault(id, "status " + id)))
                .orElse("");
        String requester = Json.text(node, "user_email").filter(s -> !s.isBlank())
                .or(() -> Json.text(node, "user_name")).orElse("");
        return new PsaTicket(Json.required(KIND, node, "id"), Json.required(KIND, node, "client_id"),
                Json.text(node, "summary").orElse(""), Json.text(node, "details").orElse(""), requester, status,
                Json.flag(node, "hasbeenclosed"), Json.instant(KIND, Json.required(KIND, node, "dateoccurred")));
    }

    private PsaNote toNote(JsonNode node, String ticketId) {
        String text = Json.text(node, "note_html").map(NoteHtml::toText)
                .or(() -> Json.text(node, "note")).orElse("");
        Instant at = Json.text(node, "datetime").map(t -> Json.instant(KIND, t)).orElse(Instant.EPOCH);
        return new PsaNote(Json.required(KIND, node, "id"), ticketId, text,
                Json.flag(node, "hiddenfromuser") ? Visibility.INTERNAL : Visibility.PUBLIC, at, authorOf(node));
    }

    /**
     * An action by an agent (technician) has {@code who_agentid} above 0, whose e-mail is the agent's {@code email}
     * ({@code /api/Agent/{id}}); any other action with a {@code who} is the end user's (portal, e-mail).
     */
    private PsaNote.Author authorOf(JsonNode action) {
        String name = Json.text(action, "who").orElse("");
        Optional<String> agent = Json.text(action, "who_agentid").filter(id -> id.matches("[1-9][0-9]{0,17}"));
        if (agent.isPresent()) {
            return PsaNote.Author.technician(name, agentEmails.of(agent.get()));
        }
        return name.isBlank() ? PsaNote.Author.UNKNOWN : PsaNote.Author.contact(name, "");
    }

    private String agentEmail(String agentId) {
        return Json.text(call(() -> get("Agent/" + agentId)), "email").orElse("");
    }

    /** Status id → label, from {@code /api/Status}; loaded once, reloaded when asked to. */
    private synchronized Map<String, String> statusNames(boolean reload) {
        if (statusNames == null || reload) {
            Map<String, String> names = new HashMap<>();
            call(() -> get("Status")).forEach(s -> names.put(Json.required(KIND, s, "id"),
                    Json.text(s, "name").orElse("")));
            statusNames = Map.copyOf(names);
        }
        return statusNames;
    }

    private synchronized String bearer() {
        if (token == null || !clock.instant().isBefore(tokenExpires.minus(RENEW_BEFORE))) {
            String form = "grant_type=client_credentials&client_id=" + encode(settings.clientId())
                    + "&client_secret=" + encode(settings.clientSecret().reveal()) + "&scope=" + encode(settings.scope());
            JsonNode answer = http.json(http.request(settings.tokenUrl())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            token = Json.required(KIND, answer, "access_token");
            tokenExpires = clock.instant().plusSeconds(Json.field(answer, "expires_in").asLong(3600));
        }
        return token;
    }

    /** Sends with the current token; a token the API rejects is renewed once. */
    private JsonNode call(Supplier<HttpRequest> request) {
        return http.jsonRenewingOn401(request, this::forgetToken, Optional.empty());
    }

    private JsonNode call(Supplier<HttpRequest> request, String ticketId) {
        return http.jsonRenewingOn401(request, this::forgetToken, Optional.of(TicketIds.notFound(ticketId)));
    }

    private synchronized void forgetToken() {
        token = null;
    }

    private HttpRequest get(String pathAndQuery) {
        return http.request(url(pathAndQuery)).header("Authorization", "Bearer " + bearer()).GET().build();
    }

    private HttpRequest post(String path, JsonNode body) {
        return http.request(url(path)).header("Authorization", "Bearer " + bearer())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build();
    }

    private URI url(String pathAndQuery) {
        return settings.apiBase().resolve(pathAndQuery);
    }



    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    Optional<String> currentToken() {
        return Optional.ofNullable(token);
    }

    @Override
    public String toString() {
        return "HaloPsaTicketSystem[" + settings.apiBase() + "]";
    }
}
