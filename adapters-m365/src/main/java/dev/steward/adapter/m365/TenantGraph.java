package dev.steward.adapter.m365;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.PortFailure;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Graph as seen from one tenant (a customer's, or the partner's own), with the failures translated into the core's
 * terms and worded for the technician reading them:
 * <ul>
 *   <li>403 → permanent {@link PortFailure} naming the permission and role to grant ({@link Grant});</li>
 *   <li>401 after a renewed token, or {@code Authorization_IdentityNotFound} → consent is missing in the tenant;</li>
 *   <li>404 → the caller's {@link NotFound};</li>
 *   <li>other 4xx → permanent, 5xx → retryable, with Graph's code and message.</li>
 * </ul>
 */
final class TenantGraph {

    private static final int MAX_PAGES = 50;

    private final Graph graph;
    private final String tenant;
    private final String label;

    TenantGraph(Graph graph, String tenant, String label) {
        this.graph = graph;
        this.tenant = tenant;
        this.label = label;
    }

    String tenant() {
        return tenant;
    }

    /** How the tenant is named in messages, e.g. {@code tenant Contoso Ltd (52eaad04-…)}. */
    String label() {
        return label;
    }

    /** The {@code @odata.id} of a directory object, as a members/$ref body names it. */
    String directoryObjectUri(String id) {
        return graph.v1("directoryObjects/" + segment(id)).toString();
    }

    /** Sends one request and returns Graph's answer whatever its status (for calls whose 4xx the caller reads). */
    GraphResponse attempt(String method, String pathAndQuery, Optional<JsonNode> body) {
        return attempt(method, graph.v1(pathAndQuery), body);
    }

    private GraphResponse attempt(String method, URI uri, Optional<JsonNode> body) {
        try {
            return graph.call(tenant, method, uri, body);
        } catch (TokenRefused refused) {
            throw refused.asToolFailure(label);
        }
    }

    /** GET one object. @throws NotFound from {@code notFound} on a 404 */
    JsonNode get(String pathAndQuery, Grant grant, Supplier<NotFound> notFound) {
        GraphResponse response = attempt("GET", pathAndQuery, Optional.empty());
        if (!response.ok()) {
            throw failure(response, grant, Optional.of(notFound));
        }
        return response.body();
    }

    /** A change (POST, PATCH, DELETE); the answer's body, missing for a 204. @throws NotFound on a 404 */
    JsonNode send(String method, String pathAndQuery, Optional<JsonNode> body, Grant grant,
                  Supplier<NotFound> notFound) {
        GraphResponse response = attempt(method, pathAndQuery, body);
        if (!response.ok()) {
            throw failure(response, grant, Optional.of(notFound));
        }
        return response.body();
    }

    /**
     * Every element of a collection, following {@code @odata.nextLink} page after page (at most {@code max}
     * elements and {@value #MAX_PAGES} pages, so a huge tenant cannot stall a call).
     */
    List<JsonNode> all(String pathAndQuery, Grant grant, int max) {
        List<JsonNode> elements = new ArrayList<>();
        URI next = graph.v1(pathAndQuery);
        for (int page = 0; next != null && page < MAX_PAGES && elements.size() < max; page++) {
            GraphResponse response = attempt("GET", next, Optional.empty());
            if (!response.ok()) {
                throw failure(response, grant, Optional.empty());
            }
            for (JsonNode element : Json.elements(response.body(), "value")) {
                if (elements.size() < max) {
                    elements.add(element);
                }
            }
            next = Json.text(response.body(), "@odata.nextLink").map(TenantGraph::nextLink).orElse(null);
        }
        return elements;
    }

    private static URI nextLink(String link) {
        try {
            return URI.create(link);
        } catch (IllegalArgumentException e) {
            throw PortFailure.permanent(Graph.PORT, "Microsoft Graph answered with an unreadable @odata.nextLink", e);
        }
    }

    /** The exception for a failed answer (see the class comment). */
    RuntimeException failure(GraphResponse response, Grant grant, Optional<Supplier<NotFound>> notFound) {
        int status = response.status();
        if (status == 404 && notFound.isPresent()) {
            return notFound.get().get();
        }
        if (status == 401 || response.code().equals("Authorization_IdentityNotFound")) {
            return PortFailure.permanent(Graph.PORT, "Microsoft 365 does not accept Steward's app in " + label
                    + " (" + response.reason() + "): grant it admin consent in that tenant (Partner Center "
                    + "applicationconsents, or the customer's Global Administrator), then " + grant.advice(label),
                    null);
        }
        if (status == 403) {
            return PortFailure.permanent(Graph.PORT, "Microsoft 365 refused to " + grant.doing() + " in " + label
                    + " (" + response.reason() + "): " + grant.advice(label), null);
        }
        if (status >= 500) {
            return PortFailure.retryable(Graph.PORT, "Microsoft Graph failed to " + grant.doing() + " in " + label
                    + " (" + response.reason() + "); try again later", null);
        }
        return PortFailure.permanent(Graph.PORT, "Microsoft 365 refused to " + grant.doing() + " in " + label
                + " (" + response.reason() + ")", null);
    }

    /** One path segment, percent-encoded ({@code #} of guest UPNs included); {@code @} stays as it is. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%40", "@");
    }

    /** A query parameter's value, percent-encoded. */
    static String param(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An OData string literal: single quotes doubled, then quoted. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
