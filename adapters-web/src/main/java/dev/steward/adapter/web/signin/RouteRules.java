package dev.steward.adapter.web.signin;

import static dev.steward.application.security.Permission.CHANGE_CLIENTS;
import static dev.steward.application.security.Permission.CHANGE_CLIENT_WORKFLOWS;
import static dev.steward.application.security.Permission.CHANGE_MSP_SETTINGS;
import static dev.steward.application.security.Permission.CHANGE_MSP_WORKFLOWS;
import static dev.steward.application.security.Permission.DECIDE_APPROVALS;
import static dev.steward.application.security.Permission.DELETE_CLIENTS;
import static dev.steward.application.security.Permission.MANAGE_API_TOKENS;
import static dev.steward.application.security.Permission.MANAGE_INTEGRATIONS;
import static dev.steward.application.security.Permission.MANAGE_OWN_ACCOUNT;
import static dev.steward.application.security.Permission.MANAGE_USERS;
import static dev.steward.application.security.Permission.READ;
import static dev.steward.application.security.Permission.RETRY_PROVISIONING;
import static dev.steward.adapter.web.signin.RouteRules.Special.AGENT;
import static dev.steward.adapter.web.signin.RouteRules.Special.OPERATOR;
import static dev.steward.adapter.web.signin.RouteRules.Special.PUBLIC;
import static dev.steward.adapter.web.signin.RouteRules.Special.WEBHOOK;

import dev.steward.application.security.Permission;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who may call each route: the route table of the application's {@link Permission} matrix. Every route the server
 * registers needs exactly one line here; the {@link SignInGate} refuses a route without one, and
 * {@code RouteAccessTest} (every route × every role) fails the build for it. A route that changes something needs the
 * permission of what it changes; a page that only shows something needs {@link Permission#READ}.
 */
public final class RouteRules {

    /** Routes that the sign-in gate lets through unchecked. */
    public enum Special {
        /** Anyone, signed in or not (sign-in page, health, assets, the OpenAPI document). */
        PUBLIC,
        /** A client's agent, with its per-agent token (checked by the agent API itself). */
        AGENT,
        /** A PSA, with its signature or shared secret (checked by the webhook route itself). */
        WEBHOOK,
        /** An operator, with an operator credential ({@code sto_…}); no MSP's user or token gets in. */
        OPERATOR
    }

    /** What a route needs: a {@link Special} audience, or a signed-in caller whose role holds a permission. */
    public sealed interface Rule permits Needs, Open {}

    public record Needs(Permission permission) implements Rule {}

    public record Open(Special audience) implements Rule {}

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        // sign-in, health, static files, the API's description
        rule("GET /login", PUBLIC);
        rule("POST /login", PUBLIC);
        rule("POST /logout", MANAGE_OWN_ACCOUNT);
        rule("GET /health", PUBLIC);
        rule("GET /health/live", PUBLIC);
        rule("GET /health/ready", PUBLIC);
        // a Prometheus scraper, with STEWARD_METRICS_TOKEN (checked by the route itself)
        rule("GET /metrics", PUBLIC);
        rule("GET /assets/dashboard.css", PUBLIC);
        rule("GET /assets/dashboard.js", PUBLIC);
        rule("GET /api/v1/openapi.json", PUBLIC);
        // agents and PSAs authenticate on their own
        rule("GET /agent/v1/configuration", AGENT);
        rule("POST /agent/v1/check-ins", AGENT);
        rule("POST /agent/v1/sessions", AGENT);
        rule("POST /agent/v1/work/take", AGENT);
        rule("POST /agent/v1/work/{work}/renew", AGENT);
        rule("POST /agent/v1/work/{work}/complete", AGENT);
        rule("POST /agent/v1/sessions/{session}/tool-calls", AGENT);
        rule("POST /agent/v1/sessions/{session}/posts", AGENT);
        rule("POST /agent/v1/sessions/{session}/model", AGENT);
        rule("POST /hooks/psa/{mspId}/{kind}", WEBHOOK);

        // operators: the installation's MSPs, nothing inside them
        rule("GET /api/v1/operator/msps", OPERATOR);
        rule("POST /api/v1/operator/msps", OPERATOR);
        rule("POST /api/v1/operator/msps/{id}/suspend", OPERATOR);
        rule("POST /api/v1/operator/msps/{id}/resume", OPERATOR);
        rule("POST /api/v1/operator/msps/{id}/admins", OPERATOR);

        // REST API
        rule("GET /api/v1/msp", READ);
        rule("PUT /api/v1/msp", CHANGE_MSP_SETTINGS);
        rule("PUT /api/v1/msp/prompt", CHANGE_MSP_SETTINGS);
        rule("GET /api/v1/msp/token-budget", READ);
        rule("PUT /api/v1/msp/token-budget", CHANGE_MSP_SETTINGS);
        rule("GET /api/v1/tokens", MANAGE_API_TOKENS);
        rule("POST /api/v1/tokens", MANAGE_API_TOKENS);
        rule("DELETE /api/v1/tokens/{id}", MANAGE_API_TOKENS);
        rule("GET /api/v1/users", MANAGE_USERS);
        rule("POST /api/v1/users", MANAGE_USERS);
        rule("PUT /api/v1/users/{id}/role", MANAGE_USERS);
        rule("POST /api/v1/users/{id}/disable", MANAGE_USERS);
        rule("POST /api/v1/users/{id}/enable", MANAGE_USERS);
        rule("POST /api/v1/users/{id}/password-reset", MANAGE_USERS);
        rule("PUT /api/v1/account/password", MANAGE_OWN_ACCOUNT);
        rule("GET /api/v1/clients", READ);
        rule("POST /api/v1/clients", CHANGE_CLIENTS);
        rule("GET /api/v1/clients/{slug}", READ);
        rule("DELETE /api/v1/clients/{slug}", DELETE_CLIENTS);
        rule("GET /api/v1/clients/{slug}/history", READ);
        rule("POST /api/v1/clients/{slug}/retry", RETRY_PROVISIONING);
        rule("PUT /api/v1/clients/{slug}/mode", CHANGE_CLIENTS);
        rule("GET /api/v1/clients/{slug}/prompt", READ);
        rule("PUT /api/v1/clients/{slug}/prompt", CHANGE_CLIENTS);
        rule("GET /api/v1/clients/{slug}/prompt/preview", READ);
        rule("GET /api/v1/clients/{slug}/diagnostics", READ);
        rule("GET /api/v1/clients/{slug}/usage", READ);
        // a dry run reads the client's systems for real (it writes nothing): a technician's test of the agent
        rule("POST /api/v1/clients/{slug}/dry-runs", CHANGE_CLIENTS);
        rule("GET /api/v1/clients/{slug}/token-budget", READ);
        rule("PUT /api/v1/clients/{slug}/token-budget", CHANGE_CLIENTS);
        rule("PUT /api/v1/clients/{slug}/psa-mapping", CHANGE_CLIENTS);
        rule("DELETE /api/v1/clients/{slug}/psa-mapping", CHANGE_CLIENTS);
        rule("GET /api/v1/activity", READ);
        rule("GET /api/v1/activity/export", READ);
        rule("GET /api/v1/clients/{slug}/activity", READ);
        rule("GET /api/v1/approvals", READ);
        rule("POST /api/v1/approvals/{id}/approve", DECIDE_APPROVALS);
        rule("POST /api/v1/approvals/{id}/deny", DECIDE_APPROVALS);
        rule("POST /api/v1/approvals/{id}/identity", DECIDE_APPROVALS);
        rule("POST /api/v1/approvals/{id}/revealed-values", DECIDE_APPROVALS);
        rule("GET /api/v1/integration-kinds", READ);
        rule("GET /api/v1/integrations", READ);
        rule("POST /api/v1/integrations", MANAGE_INTEGRATIONS);
        rule("GET /api/v1/clients/{slug}/integrations", READ);
        rule("POST /api/v1/clients/{slug}/integrations", MANAGE_INTEGRATIONS);
        rule("POST /api/v1/integrations/authorizations", MANAGE_INTEGRATIONS);
        rule("POST /api/v1/clients/{slug}/integrations/authorizations", MANAGE_INTEGRATIONS);
        rule("POST /api/v1/integrations/{id}/authorizations", MANAGE_INTEGRATIONS);
        rule("GET /api/v1/integrations/{id}", READ);
        rule("DELETE /api/v1/integrations/{id}", MANAGE_INTEGRATIONS);
        rule("POST /api/v1/integrations/{id}/refresh", MANAGE_INTEGRATIONS);
        rule("PUT /api/v1/integrations/{id}/tools/{tool}/policy", MANAGE_INTEGRATIONS);
        rule("PUT /api/v1/integrations/{id}/tools/{tool}/sensitive", MANAGE_INTEGRATIONS);
        rule("GET /api/v1/integrations/{id}/directory", READ);
        rule("POST /api/v1/integrations/{id}/import", CHANGE_CLIENTS);
        rule("GET /api/v1/clients/{slug}/mappings", READ);
        rule("PUT /api/v1/clients/{slug}/mappings/{kind}", CHANGE_CLIENTS);
        rule("DELETE /api/v1/clients/{slug}/mappings/{kind}", CHANGE_CLIENTS);
        rule("GET /api/v1/workflows", READ);
        rule("GET /api/v1/workflows/built-in", READ);
        rule("POST /api/v1/workflows", CHANGE_MSP_WORKFLOWS);
        rule("GET /api/v1/clients/{slug}/workflows", READ);
        rule("POST /api/v1/clients/{slug}/workflows", CHANGE_CLIENT_WORKFLOWS);
        rule("GET /api/v1/workflows/{id}", READ);
        // a client's or an MSP-wide workflow: the service asks for CHANGE_MSP_WORKFLOWS when it is MSP-wide
        rule("PUT /api/v1/workflows/{id}", CHANGE_CLIENT_WORKFLOWS);
        rule("POST /api/v1/workflows/{id}/status", CHANGE_CLIENT_WORKFLOWS);

        // dashboard
        rule("GET /", READ);
        rule("GET /clients", READ);
        rule("POST /clients", CHANGE_CLIENTS);
        rule("GET /clients/{slug}", READ);
        rule("POST /clients/{slug}/mode", CHANGE_CLIENTS);
        rule("POST /clients/{slug}/retry", RETRY_PROVISIONING);
        rule("POST /clients/{slug}/delete", DELETE_CLIENTS);
        rule("GET /workflows", READ);
        rule("POST /workflows", CHANGE_MSP_WORKFLOWS);
        rule("GET /clients/{slug}/workflows", READ);
        rule("POST /clients/{slug}/workflows", CHANGE_CLIENT_WORKFLOWS);
        rule("GET /workflows/{id}", READ);
        // a client's or an MSP-wide workflow: the service asks for CHANGE_MSP_WORKFLOWS when it is MSP-wide
        rule("POST /workflows/{id}", CHANGE_CLIENT_WORKFLOWS);
        rule("POST /workflows/{id}/status", CHANGE_CLIENT_WORKFLOWS);
        rule("GET /clients/{slug}/prompt", READ);
        rule("POST /clients/{slug}/prompt", CHANGE_CLIENTS);
        rule("GET /clients/{slug}/dry-run", READ);
        rule("POST /clients/{slug}/dry-run", CHANGE_CLIENTS);
        rule("GET /clients/{slug}/activity", READ);
        rule("GET /clients/{slug}/diagnostics", READ);
        rule("GET /clients/{slug}/integrations", READ);
        rule("POST /clients/{slug}/integrations", MANAGE_INTEGRATIONS);
        rule("POST /clients/{slug}/psa-mapping", CHANGE_CLIENTS);
        rule("GET /clients/{slug}/mappings/{kind}", READ);
        rule("POST /clients/{slug}/mappings/{kind}", CHANGE_CLIENTS);
        rule("POST /clients/{slug}/mappings/{kind}/remove", CHANGE_CLIENTS);
        rule("GET /activity", READ);
        rule("GET /approvals", READ);
        rule("POST /approvals/{id}/decide", DECIDE_APPROVALS);
        rule("POST /approvals/{id}/identity", DECIDE_APPROVALS);
        rule("POST /approvals/{id}/reveal", DECIDE_APPROVALS);
        rule("GET /settings", READ);
        rule("POST /settings/default-mode", CHANGE_MSP_SETTINGS);
        rule("POST /settings/prompt", CHANGE_MSP_SETTINGS);
        rule("GET /settings/tokens", MANAGE_API_TOKENS);
        rule("POST /settings/tokens", MANAGE_API_TOKENS);
        rule("POST /settings/tokens/{id}/revoke", MANAGE_API_TOKENS);
        rule("GET /users", MANAGE_USERS);
        rule("POST /users", MANAGE_USERS);
        rule("POST /users/{id}/role", MANAGE_USERS);
        rule("POST /users/{id}/disable", MANAGE_USERS);
        rule("POST /users/{id}/enable", MANAGE_USERS);
        rule("POST /users/{id}/reset-password", MANAGE_USERS);
        rule("GET /account", MANAGE_OWN_ACCOUNT);
        rule("POST /account/password", MANAGE_OWN_ACCOUNT);
        rule("GET /set-password/{token}", PUBLIC);
        rule("POST /set-password/{token}", PUBLIC);
        rule("GET /integrations", READ);
        rule("POST /integrations", MANAGE_INTEGRATIONS);
        // where an authorization server sends the person back; the state names an authorization of their MSP
        rule("GET /integrations/authorized", MANAGE_INTEGRATIONS);
        rule("GET /integrations/{id}", READ);
        rule("POST /integrations/{id}/tools/{tool}/policy", MANAGE_INTEGRATIONS);
        rule("POST /integrations/{id}/tools/{tool}/sensitive", MANAGE_INTEGRATIONS);
        rule("POST /integrations/{id}/refresh", MANAGE_INTEGRATIONS);
        rule("POST /integrations/{id}/authorize", MANAGE_INTEGRATIONS);
        rule("GET /integrations/{id}/disconnect", MANAGE_INTEGRATIONS);
        rule("POST /integrations/{id}/disconnect", MANAGE_INTEGRATIONS);
        // the PSA import screen: browsing reads, importing creates clients (as POST /api/v1/integrations/{id}/import)
        rule("GET /integrations/{id}/import", READ);
        rule("POST /integrations/{id}/import", CHANGE_CLIENTS);
    }

    private RouteRules() {
    }

    private static void rule(String route, Permission permission) {
        add(route, new Needs(permission));
    }

    private static void rule(String route, Special audience) {
        add(route, new Open(audience));
    }

    private static void add(String route, Rule rule) {
        if (RULES.putIfAbsent(route, rule) != null) {
            throw new IllegalStateException("two rules for " + route);
        }
    }

    /** The rule of a registered route, written {@code "METHOD /path/{param}"} as Javalin registered it. */
    public static Optional<Rule> of(String route) {
        return Optional.ofNullable(RULES.get(route));
    }

    /** Every rule, by route, in the order written (for tests and docs). */
    public static Map<String, Rule> all() {
        return java.util.Collections.unmodifiableMap(RULES);
    }
}
