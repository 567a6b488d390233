package dev.steward.adapter.psa.halopsa;

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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A HaloPSA tenant in memory (THIRD-PARTY-APIS.md §2): {@code /api/authinfo} naming its auth server
 * ({@code /identity}), client-credentials token at {@code /auth/token?tenant=} and {@code /identity/token?tenant=},
 * bearer auth on {@code /api/*}, {@code pageinate}/{@code page_size}/{@code page_no} with {@code record_count},
 * {@code datesearch}/{@code startdate}, array POST bodies, actions that need an outcome the API agent has rights to
 * ({@code /api/Outcome} lists only those; {@link #withdrawOutcome}), replies e-mailed to {@code emailto}
 * ({@link #emailsSent}), and times without an offset in the instance's time zone ({@link #useTimeZone}).
 */
final class FakeHaloPsa extends FakePsaApi {

    static final String TENANT = "contoso";
    static final String CLIENT_ID = "abc";
    static final String CLIENT_SECRET = "xyz";
    static final int PRIVATE_OUTCOME = 7;
    static final int EMAIL_OUTCOME = 12;
    private static final Pattern TICKET = Pattern.compile("/api/Tickets/(\\d+)");
    private static final Pattern AGENT = Pattern.compile("/api/Agent/(\\d+)");

    private final Map<Long, ObjectNode> tickets = new LinkedHashMap<>();
    private final Map<Long, List<ObjectNode>> actions = new HashMap<>();
    private final ArrayNode statuses = Json.MAPPER.createArrayNode();
    private final Map<Long, ObjectNode> users = new LinkedHashMap<>();
    private long nextUser = 500;
    private final Map<Long, ObjectNode> agents = new LinkedHashMap<>();
    private final Map<Long, ObjectNode> clients = new LinkedHashMap<>();
    private static final Pattern CLIENT = Pattern.compile("/api/Client/(\\d+)");
    private int tokensIssued;
    private long nextTicket = 4700;
    private long nextAction = 9000;
    private final Map<Integer, String> outcomes = new LinkedHashMap<>(Map.of(PRIVATE_OUTCOME, "Private Note",
            EMAIL_OUTCOME, "Email User", 21, "Change Request"));
    private final java.util.Set<Integer> withdrawn = new java.util.HashSet<>();
    private final List<String> emails = new ArrayList<>();
    private java.time.ZoneId zone = ZoneOffset.UTC;

    /** The API agent loses its rights to an outcome: not listed, and an action with it is refused. */
    synchronized void withdrawOutcome(int id) {
        withdrawn.add(id);
    }

    /** The instance's time zone setting: times are written and read without an offset in it. */
    synchronized void useTimeZone(java.time.ZoneId instanceZone) {
        zone = instanceZone;
    }

    synchronized void reset() {
        withdrawn.clear();
        zone = ZoneOffset.UTC;
    }

    /** "ticket → address" for every reply e-mailed. */
    synchronized List<String> emailsSent() {
        return List.copyOf(emails);
    }

    FakeHaloPsa() {
        statuses.addObject().put("id", 1).put("name", "New");
        statuses.addObject().put("id", 2).put("name", "In Progress");
        statuses.addObject().put("id", 9).put("name", "Closed");
        agent("Steward API", "steward-api@acmemsp.example");
    }

    private long agent(String name, String email) {
        long id = agents.size() + 1;
        agents.put(id, Json.MAPPER.createObjectNode().put("id", id).put("name", name).put("email", email));
        return id;
    }

    /** An action written in the UI by an agent (technician), or by the end user through the portal or e-mail. */
    synchronized String write(String ticketId, NoteSeed seed) {
        long ticket = Long.parseLong(ticketId);
        PsaNote.Author author = seed.author();
        ObjectNode action = Json.MAPPER.createObjectNode().put("id", ++nextAction).put("ticket_id", ticket)
                .put("outcome_id", seed.visibility() == PsaNote.Visibility.INTERNAL ? PRIVATE_OUTCOME : EMAIL_OUTCOME)
                .put("who", author.name())
                .put("datetime", "2026-11-22T09:10:" + String.format("%02d", nextAction % 60))
                .put("hiddenfromuser", seed.visibility() == PsaNote.Visibility.INTERNAL)
                .put("note_html", "<p>" + seed.text() + "</p>").put("note", seed.text());
        if (author.role() == PsaNote.Author.Role.TECHNICIAN) {
            long agent = agents.entrySet().stream()
                    .filter(e -> e.getValue().path("email").asText().equalsIgnoreCase(author.email()))
                    .map(Map.Entry::getKey).findFirst().orElseGet(() -> agent(author.name(), author.email()));
            action.put("who_agentid", agent);
        } else {
            action.put("who_agentid", 0);
        }
        actions.get(ticket).add(action);
        return action.get("id").asText();
    }

    @Override
    public String getName() {
        return "fake-halopsa";
    }

    synchronized List<ObjectNode> actionsOf(long ticket) {
        return List.copyOf(actions.get(ticket));
    }

    synchronized int tokensIssued() {
        return tokensIssued;
    }

    /** A client (Halo's company); an inactive one is kept but not listed. */
    synchronized String seedClient(String name, boolean active) {
        long id = 12 + clients.size() + 1;
        clients.put(id, Json.MAPPER.createObjectNode().put("id", id).put("name", name).put("inactive", !active)
                .put("website", name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "") + ".example"));
        return Long.toString(id);
    }

    /** A user (Halo's contact) of client {@code company}. */
    @Override
    public synchronized String seedContact(String company, String first, String last, String email, boolean active) {
        long id = ++nextUser;
        users.put(id, Json.MAPPER.createObjectNode().put("id", id).put("name", first + " " + last)
                .put("emailaddress", email).put("phonenumber", "555-0" + (id % 1000))
                .put("client_id", Long.parseLong(company)).put("site_id", 30).put("inactive", !active));
        return Long.toString(id);
    }

    @Override
    public synchronized String seed(TicketSeed seed) {
        long id = ++nextTicket;
        ObjectNode t = Json.MAPPER.createObjectNode().put("id", id).put("summary", seed.summary())
                .put("details", seed.description()).put("client_id", Long.parseLong(seed.companyId()))
                .put("client_name", "Company " + seed.companyId()).put("site_id", 30).put("user_id", 501)
                .put("user_name", "Dana Reyes").put("user_email", seed.requester())
                .put("status_id", seed.closed() ? 9 : 1).put("tickettype_id", 1).put("priority_id", 3)
                .put("agent_id", 0).put("hasbeenclosed", seed.closed())
                .put("dateoccurred", LocalDateTime.ofInstant(seed.createdAt(), zone).toString());
        tickets.put(id, t);
        actions.put(id, new ArrayList<>());
        return Long.toString(id);
    }

    @Override
    protected ResponseDefinition answer(Request request) {
        String path = path(request);
        if (path.equals("/auth/token") || path.equals("/identity/token")) {
            return token(request);
        }
        if (path.equalsIgnoreCase("/api/authinfo")) {
            String base = request.getAbsoluteUrl().substring(0, request.getAbsoluteUrl().indexOf("/api/"));
            return json(200, Map.of("auth_url", base + "/identity", "tenant_id", "8f7e6d5c-0000-4000-8000-0000000000aa"));
        }
        if (!("Bearer token-" + tokensIssued).equals(request.getHeader("Authorization")) || tokensIssued == 0) {
            return json(401, "\"Unauthorized\"");
        }
        RequestMethod method = request.getMethod();
        Matcher m;
        if (path.equalsIgnoreCase("/api/Status")) {
            return json(200, statuses);
        }
        if (path.equalsIgnoreCase("/api/Outcome") && method.equals(RequestMethod.GET)) {
            ArrayNode list = Json.MAPPER.createArrayNode();
            outcomes.forEach((id, name) -> {
                if (!withdrawn.contains(id)) {
                    list.addObject().put("id", id).put("outcome", name).put("buttonname", name);
                }
            });
            return json(200, list);
        }
        if (path.equalsIgnoreCase("/api/Client") && method.equals(RequestMethod.GET)) {
            String search = query(request, "search").orElse("").toLowerCase(java.util.Locale.ROOT);
            boolean inactive = Boolean.parseBoolean(query(request, "includeinactive").orElse("false"));
            List<ObjectNode> all = clients.values().stream().filter(c -> inactive || !c.path("inactive").asBoolean())
                    .filter(c -> c.path("name").asText().toLowerCase(java.util.Locale.ROOT).contains(search)).toList();
            int size = Integer.parseInt(query(request, "page_size").orElse("50"));
            int page = Integer.parseInt(query(request, "page_no").orElse("1"));
            ObjectNode body = Json.MAPPER.createObjectNode().put("page_no", page).put("page_size", size)
                    .put("record_count", all.size());
            body.putArray("clients").addAll(all.subList(Math.min((page - 1) * size, all.size()),
                    Math.min(page * size, all.size())));
            return json(200, body);
        }
        if ((m = CLIENT.matcher(path)).matches() && method.equals(RequestMethod.GET)) {
            ObjectNode client = clients.get(Long.parseLong(m.group(1)));
            return client == null ? json(404, "\"Client not found\"") : json(200, client);
        }
        if (path.equalsIgnoreCase("/api/Users") && method.equals(RequestMethod.GET)) {
            return userPage(request);
        }
        if (path.equalsIgnoreCase("/api/Tickets") && method.equals(RequestMethod.GET)) {
            return ticketPage(request);
        }
        if (path.equalsIgnoreCase("/api/Tickets") && method.equals(RequestMethod.POST)) {
            JsonNode item = body(request).get(0);
            ObjectNode ticket = tickets.get(item.path("id").asLong());
            if (ticket == null) {
                return json(400, "\"Ticket not found\"");
            }
            int status = item.path("status_id").asInt();
            ticket.put("status_id", status).put("hasbeenclosed", status == 9);
            return json(201, ticket);
        }
        if ((m = AGENT.matcher(path)).matches()) {
            ObjectNode agent = agents.get(Long.parseLong(m.group(1)));
            return agent == null ? json(404, "\"Agent not found\"") : json(200, agent);
        }
        if ((m = TICKET.matcher(path)).matches()) {
            ObjectNode ticket = tickets.get(Long.parseLong(m.group(1)));
            return ticket == null ? json(404, "\"Ticket not found\"") : json(200, ticket);
        }
        if (path.equalsIgnoreCase("/api/Actions") && method.equals(RequestMethod.GET)) {
            List<ObjectNode> list = actions.getOrDefault(Long.parseLong(query(request, "ticket_id").orElse("0")),
                    List.of());
            ObjectNode body = Json.MAPPER.createObjectNode().put("record_count", list.size());
            body.putArray("actions").addAll(list);
            return json(200, body);
        }
        if (path.equalsIgnoreCase("/api/Actions") && method.equals(RequestMethod.POST)) {
            JsonNode item = body(request).get(0);
            if (!item.hasNonNull("outcome_id")) {
                return json(400, "\"An Outcome must be entered for this Action\"");
            }
            if (withdrawn.contains(item.path("outcome_id").asInt())
                    || !outcomes.containsKey(item.path("outcome_id").asInt())) {
                return json(400, "\"You do not have access to this Action at the moment\"");
            }
            long ticket = item.path("ticket_id").asLong();
            if (!actions.containsKey(ticket)) {
                return json(400, "\"Ticket not found\"");
            }
            ObjectNode action = Json.MAPPER.createObjectNode().put("id", ++nextAction).put("ticket_id", ticket)
                    .put("outcome_id", item.path("outcome_id").asInt()).put("who", "Steward API")
                    .put("who_agentid", 1)
                    .put("datetime", "2026-11-22T09:20:" + String.format("%02d", nextAction % 60))
                    .put("hiddenfromuser", item.path("hiddenfromuser").asBoolean())
                    .put("sendemail", item.path("sendemail").asBoolean())
                    .put("note_html", item.path("note_html").asText())
                    .put("note", item.path("note_html").asText().replaceAll("<[^>]+>", ""));
            actions.get(ticket).add(action);
            if (item.path("sendemail").asBoolean() && !item.path("emailto").asText().isBlank()) {
                emails.add(ticket + " → " + item.path("emailto").asText());
            }
            return json(201, action);
        }
        return json(404, "\"Not found\"");
    }

    private ResponseDefinition token(Request request) {
        Map<String, String> form = new HashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        if (!TENANT.equals(query(request, "tenant").orElse("")) || !"client_credentials".equals(form.get("grant_type"))
                || !CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            return json(401, Map.of("error", "invalid_client", "error_description", "client authentication failed"));
        }
        tokensIssued++;
        return json(200, Map.of("token_type", "Bearer", "access_token", "token-" + tokensIssued, "expires_in", 3600));
    }

    private ResponseDefinition ticketPage(Request request) {
        boolean paged = "true".equals(query(request, "pageinate").orElse("false"));
        boolean openOnly = "true".equals(query(request, "open_only").orElse("false"));
        java.util.Optional<LocalDateTime> start = query(request, "startdate").map(LocalDateTime::parse);
        if (start.isPresent() && !"dateoccurred".equals(query(request, "datesearch").orElse(""))) {
            return json(400, "\"startdate needs datesearch\"");
        }
        List<ObjectNode> all = tickets.values().stream().filter(t -> !openOnly || !t.path("hasbeenclosed").asBoolean())
                .filter(t -> start.map(s -> !LocalDateTime.parse(t.path("dateoccurred").asText()).isBefore(s))
                        .orElse(true))
                .toList();
        int size = paged ? Integer.parseInt(query(request, "page_size").orElse("50")) : all.size();
        int page = paged ? Integer.parseInt(query(request, "page_no").orElse("1")) : 1;
        int from = Math.min((page - 1) * size, all.size());
        ObjectNode body = Json.MAPPER.createObjectNode().put("page_no", page).put("page_size", size)
                .put("record_count", all.size());
        body.putArray("tickets").addAll(all.subList(from, Math.min(from + size, all.size())));
        return json(200, body);
    }

    /** {@code Users?client_id&search&includeinactive} paged like tickets; search matches name or e-mail. */
    private ResponseDefinition userPage(Request request) {
        long client = Long.parseLong(query(request, "client_id").orElse("0"));
        String search = query(request, "search").orElse("").toLowerCase(java.util.Locale.ROOT);
        boolean inactive = Boolean.parseBoolean(query(request, "includeinactive").orElse("false"));
        List<ObjectNode> all = users.values().stream().filter(u -> client == 0 || u.path("client_id").asLong() == client)
                .filter(u -> inactive || !u.path("inactive").asBoolean())
                .filter(u -> (u.path("name").asText() + " " + u.path("emailaddress").asText())
                        .toLowerCase(java.util.Locale.ROOT).contains(search)).toList();
        int size = Integer.parseInt(query(request, "page_size").orElse("50"));
        int page = Integer.parseInt(query(request, "page_no").orElse("1"));
        List<ObjectNode> slice = all.subList(Math.min((page - 1) * size, all.size()), Math.min(page * size, all.size()));
        ObjectNode body = Json.MAPPER.createObjectNode().put("page_no", page).put("page_size", size)
                .put("record_count", all.size());
        body.putArray("users").addAll(slice);
        return json(200, body);
    }
}