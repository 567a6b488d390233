package dev.steward.adapter.psa.halopsa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.steward.adapter.psa.common.Json;
import dev.steward.adapter.psa.common.NoteHtml;
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
 * HaloPSA (THIRD-PARTY-APIS.md §2). OAuth2 client credentials: the token URL is the configured one or, where Halo
 * offers it, {@code {auth_url}/token} from {@code /api/authinfo}; the bearer token is fetched on first use and renewed
 * a minute before it expires, and renewed once when the API rejects it (revoked early). Notes are actions with an
 * outcome looked up by name (or id) in {@code /api/Outcome} — one the API agent may not use is not listed there, and
 * {@link #checkConnection} fails on it rather than every note later: internal = {@code hiddenfromuser:true} with the
 * internal outcome and no e-mail; reply = visible action with the reply outcome, {@code sendemail:true} and
 * {@code emailto} the ticket's user (without an address it is posted, not e-mailed); approval request = internal.
 * POST bodies are arrays, paging uses {@code pageinate=true} (sic) and stops at {@code record_count}; polling asks
 * only for tickets logged since the last pass ({@code datesearch=dateoccurred&startdate=}). Times without an offset
 * are in the instance's time zone. Status labels come from {@code /api/Status}.
 */
public final class HaloPsaTicketSystem implements PsaSystem {

    static final String KIND = "halopsa";
    private static final Duration RENEW_BEFORE = Duration.ofSeconds(60);
    private static final java.time.format.DateTimeFormatter HALO_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final HaloPsaSettings settings;
    private final PsaHttp http;
    private final Clock clock;
    private String token;
    private Instant tokenExpires = Instant.MIN;
    private Map<String, String> statusNames;
    private URI tokenUrl;
    private Map<String, Long> outcomeIds;
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
                    + "&open_only=true&order=id&datesearch=dateoccurred&startdate="
                    + encode(HALO_TIME.format(since.atZone(settings.timeZone()).toLocalDateTime()));
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

    /**
     * Fetches a token and looks up both outcomes: what every note will need. An outcome the API agent may not use
     * (not listed to it) fails here, naming its setting, rather than every note later.
     */
    @Override
    public void checkConnection() {
        try {
            bearer();
        } catch (PortFailure failure) {
            throw failure.retryable() ? PsaProvider.unreachable(settings.tokenUrl().isPresent() ? "settings.tokenUrl"
                    : "settings.apiBase", failure) : InvalidValue.of("settings.clientSecret", "refused",
                    "was refused by HaloPSA together with the client id (" + failure.getMessage() + ")");
        }
        checkOutcome("internalOutcome", settings.internalOutcome());
        checkOutcome("replyOutcome", settings.replyOutcome());
    }

    private void checkOutcome(String key, String wanted) {
        String field = "settings." + key + (wanted.matches("[0-9]+") ? "Id" : "");
        try {
            outcome(wanted);
        } catch (PortFailure failure) {
            throw failure.retryable() ? PsaProvider.unreachable("settings.apiBase", failure)
                    : InvalidValue.of(field, "not-available", failure.getMessage());
        }
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

    /** Active clients ({@code Client?search=}), a page number as the cursor. */
    @Override
    public Directory.Page companies(String search, Optional<String> cursor, int limit) {
        int page = PsaSystem.page(cursor);
        String text = PsaSystem.searchable(search);
        String query = "Client?pageinate=true&page_size=" + limit + "&page_no=" + page + "&includeinactive=false"
                + (text.isEmpty() ? "" : "&search=" + encode(text));
        JsonNode body = call(() -> get(query));
        JsonNode list = Json.field(body, "clients");
        if (!list.isArray()) {
            throw PortFailure.permanent(KIND, KIND + " answered Client without a clients list", null);
        }
        List<Directory.Entry> entries = new ArrayList<>();
        list.forEach(c -> entries.add(toClient(c)));
        boolean more = !entries.isEmpty() && (long) page * limit < Json.field(body, "record_count").asLong(0);
        return new Directory.Page(entries, more ? Optional.of("page:" + (page + 1)) : Optional.empty());
    }

    @Override
    public Optional<Directory.Entry> company(String id) {
        try {
            JsonNode client = http.jsonRenewingOn401(() -> get("Client/" + TicketIds.numeric(id)), this::forgetToken,
                    Optional.of(() -> new NotFound("client", id)));
            return Json.flag(client, "inactive") ? Optional.empty() : Optional.of(toClient(client));
        } catch (NotFound gone) {
            return Optional.empty();
        }
    }

    private static Directory.Entry toClient(JsonNode client) {
        return new Directory.Entry(Json.required(KIND, client, "id"), Json.text(client, "name").orElse(""),
                Json.text(client, "website").or(() -> Json.text(client, "main_site_name")).orElse(""));
    }

    private PsaNote addAction(String ticketId, String text, boolean hidden) {
        JsonNode ticket = ticketNode(ticketId);
        Optional<String> userEmail = Json.text(ticket, "user_email").map(String::strip).filter(e -> e.contains("@"));
        boolean email = !hidden && userEmail.isPresent();
        ArrayNode body = Json.MAPPER.createArrayNode();
        com.fasterxml.jackson.databind.node.ObjectNode action = body.addObject()
                .put("ticket_id", Long.parseLong(ticketId))
                .put("outcome_id", outcome(hidden ? settings.internalOutcome() : settings.replyOutcome()))
                .put("hiddenfromuser", hidden)
                .put("sendemail", email)
                .put("note_html", NoteHtml.of(text));
        if (email) {
            action.put("emailto", userEmail.get());
        }
        JsonNode saved = call(() -> post("Actions", body));
        PsaNote note = toNote(saved.isArray() ? saved.path(0) : saved, ticketId);
        if (hidden) {
            return note;
        }
        return email ? note.emailed() : note.notEmailed("the ticket's user has no e-mail address");
    }

    /**
     * The id of the outcome named (or numbered) {@code wanted}, from {@code /api/Outcome} (read once, read again
     * once when it is missing: someone may just have added it).
     *
     * @throws PortFailure permanent when Halo lists no such outcome to the API agent
     */
    private long outcome(String wanted) {
        return outcomes(false).entrySet().stream().filter(e -> matches(e, wanted)).map(Map.Entry::getValue)
                .findFirst()
                .or(() -> outcomes(true).entrySet().stream().filter(e -> matches(e, wanted))
                        .map(Map.Entry::getValue).findFirst())
                .orElseThrow(() -> PortFailure.permanent(KIND, KIND + " offers the API agent no outcome '" + wanted
                        + "' (it has another name, or the agent has no rights to it); available: "
                        + outcomes(false).keySet(), null));
    }

    private static boolean matches(Map.Entry<String, Long> outcome, String wanted) {
        return outcome.getKey().equalsIgnoreCase(wanted.strip()) || Long.toString(outcome.getValue()).equals(
                wanted.strip());
    }

    /** Outcome name → id, as {@code /api/Outcome} lists them to the API agent. */
    private synchronized Map<String, Long> outcomes(boolean reload) {
        if (outcomeIds == null || reload) {
            Map<String, Long> found = new java.util.LinkedHashMap<>();
            JsonNode list = call(() -> get("Outcome"));
            for (JsonNode o : list.isArray() ? list : Json.field(list, "outcomes")) {
                String name = Json.text(o, "outcome").or(() -> Json.text(o, "name"))
                        .or(() -> Json.text(o, "buttonname")).orElse("");
                found.put(name.isBlank() ? "outcome " + Json.required(KIND, o, "id") : name,
                        Long.parseLong(Json.required(KIND, o, "id")));
            }
            outcomeIds = Map.copyOf(found);
        }
        return outcomeIds;
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
                Json.flag(node, "hasbeenclosed"), Json.instant(KIND, Json.required(KIND, node, "dateoccurred"),
                        settings.timeZone()));
    }

    private PsaNote toNote(JsonNode node, String ticketId) {
        String text = Json.text(node, "note_html").map(NoteHtml::toText)
                .or(() -> Json.text(node, "note")).orElse("");
        Instant at = Json.text(node, "datetime").map(t -> Json.instant(KIND, t, settings.timeZone()))
                .orElse(Instant.EPOCH);
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
            JsonNode answer = http.json(http.request(tokenUrl())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            token = Json.required(KIND, answer, "access_token");
            tokenExpires = clock.instant().plusSeconds(Json.field(answer, "expires_in").asLong(3600));
        }
        return token;
    }

    /**
     * The configured token URL, else {@code {auth_url}/token?tenant={tenant}} from {@code /api/authinfo}, else (an
     * instance that does not offer it) {@code /auth/token} on the instance.
     */
    private synchronized URI tokenUrl() {
        if (tokenUrl == null) {
            tokenUrl = settings.tokenUrl().orElseGet(this::discoverTokenUrl);
        }
        return tokenUrl;
    }

    private URI discoverTokenUrl() {
        String tenant = settings.tenantName().map(t -> "?tenant=" + encode(t)).orElse("");
        URI fallback = settings.root().resolve("auth/token" + tenant);
        JsonNode info;
        try {
            info = http.json(http.request(settings.root().resolve("api/authinfo")).header("Accept", "application/json")
                    .GET().build());
        } catch (PortFailure failure) {
            if (failure.retryable()) {
                throw failure;
            }
            return fallback;
        }
        Optional<String> authUrl = Json.text(info, "auth_url").map(String::strip).filter(u -> !u.isBlank());
        if (authUrl.isEmpty()) {
            return fallback;
        }
        URI auth = URI.create(authUrl.get().endsWith("/") ? authUrl.get() : authUrl.get() + "/");
        if (!auth.isAbsolute() || !settings.root().getScheme().equalsIgnoreCase(auth.getScheme())) {
            throw PortFailure.permanent(KIND, KIND + " named an auth URL Steward will not send the client secret to ("
                    + auth.getScheme() + "://" + auth.getHost() + ")", null);
        }
        return auth.resolve("token" + tenant);
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
