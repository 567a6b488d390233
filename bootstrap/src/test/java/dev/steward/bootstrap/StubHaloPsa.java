package dev.steward.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HaloPSA (THIRD-PARTY-APIS.md §2): OAuth2 client credentials at the token URL, bearer tokens on {@code /api},
 * {@code Tickets/{id}}, the outcomes the API agent may use ({@code /api/Outcome}), actions POSTed as arrays with an
 * outcome and {@code hiddenfromuser}, and webhooks that carry
 * Basic credentials instead of a signature.
 */
final class StubHaloPsa extends StubPsa {

    private static final String TOKEN = "halo-token-1";
    private static final Pattern TICKET = Pattern.compile("/api/Tickets/(\\d+)");
    /** The instance's ticket statuses (id → name), as {@code GET /api/Status} lists them. */
    private static final Map<Long, String> STATUSES = Map.of(1L, "New", 2L, "In Progress", 9L, "Closed",
            21L, "Needs Technician");

    @Override
    public String getName() {
        return "stub-halopsa";
    }

    @Override
    String kind() {
        return "halopsa";
    }

    @Override
    Map<String, String> settings() {
        return Map.of("apiBase", baseUrl() + "/api/", "tokenUrl", baseUrl() + "/auth/token?tenant=acme",
                "clientId", "steward-client", "clientSecret", "halo-secret", "replyOutcomeId", "8",
                "webhookUser", "steward", "webhookPassword", "hook-pass");
    }

    @Override
    String authenticationHeader() {
        return "Authorization";
    }

    @Override
    ObjectNode ticketRecord(long id, long company, String summary, String requester) {
        return JSON.createObjectNode().put("id", id).put("summary", summary).put("details", "")
                .put("client_id", company).put("client_name", "Company " + company).put("site_id", 1)
                .put("user_email", requester).put("user_name", "Dana Reyes").put("status_id", 1)
                .put("status_name", "New").put("hasbeenclosed", false).put("dateoccurred", Instant.now().toString());
    }

    @Override
    Delivery ticketCreated(long id) {
        ObjectNode event = JSON.createObjectNode().put("event", "Ticket Logged").put("ticket_id", id);
        event.putObject("ticket").put("id", id).put("summary", "(see ticket)");
        return new Delivery(Map.of("Content-Type", "application/json", "Authorization", "Basic "
                + Base64.getEncoder().encodeToString("steward:hook-pass".getBytes(StandardCharsets.UTF_8))),
                event.toString());
    }

    @Override
    boolean internal(ObjectNode note) {
        return note.path("hiddenfromuser").asBoolean() && !note.path("sendemail").asBoolean(true);
    }

    @Override
    ResponseDefinition answer(Request request, String path) {
        if (path.equals("/auth/token")) {
            String form = request.getBodyAsString();
            if (!form.contains("grant_type=client_credentials") || !form.contains("client_id=steward-client")
                    || !form.contains("client_secret=halo-secret")) {
                return json(401, Map.of("error", "invalid_client"));
            }
            return json(200, Map.of("access_token", TOKEN, "token_type", "Bearer", "expires_in", 3600));
        }
        if (!("Bearer " + TOKEN).equals(request.getHeader("Authorization"))) {
            return json(401, "\"Unauthorized\"");
        }
        if (path.equalsIgnoreCase("/api/Outcome") && request.getMethod().equals(RequestMethod.GET)) {
            ArrayNode outcomes = JSON.createArrayNode();
            outcomes.addObject().put("id", 7).put("outcome", "Private Note");
            outcomes.addObject().put("id", 8).put("outcome", "Email User");
            return json(200, outcomes);
        }
        Matcher m;
        if ((m = TICKET.matcher(path)).matches() && request.getMethod().equals(RequestMethod.GET)) {
            ObjectNode ticket = ticket(Long.parseLong(m.group(1)));
            return ticket == null ? json(404, "\"Ticket not found\"") : json(200, ticket);
        }
        if (path.equals("/api/Status") && request.getMethod().equals(RequestMethod.GET)) {
            return json(200, STATUSES.entrySet().stream().map(s -> Map.of("id", s.getKey(), "name", s.getValue()))
                    .toList());
        }
        if (path.equals("/api/Tickets") && request.getMethod().equals(RequestMethod.POST)) {
            return updateTickets(body(request));
        }
        if (path.equals("/api/Actions") && request.getMethod().equals(RequestMethod.GET)) {
            long ticket = Long.parseLong(Optional.ofNullable(request.queryParameter("ticket_id").firstValue())
                    .orElse("0"));
            if (!exists(ticket)) {
                return json(404, "\"Ticket not found\"");
            }
            ObjectNode list = JSON.createObjectNode().put("record_count", notesOf(ticket).size());
            list.putArray("actions").addAll(notesOf(ticket));
            return json(200, list);
        }
        if (path.equals("/api/Actions") && request.getMethod().equals(RequestMethod.POST)) {
            JsonNode body = body(request);
            if (!body.isArray() || body.isEmpty() || !body.get(0).hasNonNull("outcome_id")) {
                return json(400, "\"An outcome is required\"");
            }
            JsonNode action = body.get(0);
            long ticket = action.path("ticket_id").asLong();
            if (!exists(ticket)) {
                return json(404, "\"Ticket not found\"");
            }
            ObjectNode saved = ((ObjectNode) action.deepCopy()).put("datetime", Instant.now().toString())
                    .put("who", "Steward");
            return json(201, addNote(ticket, saved));
        }
        return json(404, "\"Not found\"");
    }

    /** {@code POST /api/Tickets} with an array of changes: here only a status, which must be one of the instance's. */
    private ResponseDefinition updateTickets(JsonNode body) {
        if (!body.isArray() || body.isEmpty()) {
            return json(400, "\"An array of tickets is required\"");
        }
        for (JsonNode change : body) {
            if (!exists(change.path("id").asLong()) || !STATUSES.containsKey(change.path("status_id").asLong())) {
                return json(400, "\"Unknown ticket or status\"");
            }
        }
        List<ObjectNode> saved = new ArrayList<>();
        for (JsonNode change : body) {
            long status = change.path("status_id").asLong();
            saved.add(update(change.path("id").asLong(), ticket -> ticket.put("status_id", status)
                    .put("status_name", STATUSES.get(status))));
        }
        return json(201, saved.size() == 1 ? saved.getFirst() : saved);
    }
}
