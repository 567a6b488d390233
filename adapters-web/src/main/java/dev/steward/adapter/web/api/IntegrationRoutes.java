package dev.steward.adapter.web.api;

import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.Conditionals;
import dev.steward.adapter.web.http.JsonBodies;
import dev.steward.adapter.web.http.Requests;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.adapter.web.problem.RequestProblem;
import dev.steward.application.integration.AuthorizationStarted;
import dev.steward.application.integration.AuthorizeIntegrationUseCase;
import dev.steward.application.integration.BeginAuthorizationCommand;
import dev.steward.application.integration.ConnectIntegrationCommand;
import dev.steward.application.integration.ConnectIntegrationUseCase;
import dev.steward.application.integration.DisconnectIntegrationUseCase;
import dev.steward.application.integration.GetIntegrationUseCase;
import dev.steward.application.integration.IntegrationDetails;
import dev.steward.application.integration.ListIntegrationKindsUseCase;
import dev.steward.application.integration.ListIntegrationsUseCase;
import dev.steward.application.integration.MarkToolSensitiveCommand;
import dev.steward.application.integration.MarkToolSensitiveUseCase;
import dev.steward.application.integration.RefreshIntegrationToolsUseCase;
import dev.steward.application.integration.SetToolPolicyCommand;
import dev.steward.application.integration.SetToolPolicyUseCase;
import dev.steward.domain.integration.IntegrationScope;
import dev.steward.domain.msp.MspId;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Integrations, MSP-wide ({@code /api/v1/integrations}) and per client ({@code /api/v1/clients/{slug}/integrations}),
 * one integration with its tools ({@code /api/v1/integrations/{id}}), a tool's policy and sensitivity, and the kinds
 * that can be connected. Secrets go in on connect and never come out.
 */
public final class IntegrationRoutes implements RouteGroup {

    /** Where an authorization server sends the person back: a dashboard page, since a browser arrives there. */
    public static final String AUTHORIZED = "/integrations/authorized";

    private final CallerResolver caller;
    private final JsonBodies bodies;
    private final ListIntegrationKindsUseCase kinds;
    private final ListIntegrationsUseCase list;
    private final ConnectIntegrationUseCase connect;
    private final GetIntegrationUseCase get;
    private final DisconnectIntegrationUseCase disconnect;
    private final SetToolPolicyUseCase setPolicy;
    private final MarkToolSensitiveUseCase markSensitive;
    private final RefreshIntegrationToolsUseCase refresh;
    private final AuthorizeIntegrationUseCase authorize;

    @Inject
    public IntegrationRoutes(CallerResolver caller, JsonBodies bodies, ListIntegrationKindsUseCase kinds,
                             ListIntegrationsUseCase list, ConnectIntegrationUseCase connect,
                             GetIntegrationUseCase get, DisconnectIntegrationUseCase disconnect,
                             SetToolPolicyUseCase setPolicy, MarkToolSensitiveUseCase markSensitive,
                             RefreshIntegrationToolsUseCase refresh, AuthorizeIntegrationUseCase authorize) {
        this.caller = caller;
        this.bodies = bodies;
        this.kinds = kinds;
        this.list = list;
        this.connect = connect;
        this.get = get;
        this.disconnect = disconnect;
        this.setPolicy = setPolicy;
        this.markSensitive = markSensitive;
        this.refresh = refresh;
        this.authorize = authorize;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/api/v1/integration-kinds", this::kinds);
        config.routes.get("/api/v1/integrations", ctx -> list(ctx, Optional.empty()));
        config.routes.post("/api/v1/integrations", ctx -> connect(ctx, Optional.empty()));
        config.routes.get("/api/v1/clients/{slug}/integrations", ctx -> list(ctx, Optional.of(ctx.pathParam("slug"))));
        config.routes.post("/api/v1/clients/{slug}/integrations",
                ctx -> connect(ctx, Optional.of(ctx.pathParam("slug"))));
        config.routes.post("/api/v1/integrations/authorizations", ctx -> authorize(ctx, Optional.empty()));
        config.routes.post("/api/v1/clients/{slug}/integrations/authorizations",
                ctx -> authorize(ctx, Optional.of(ctx.pathParam("slug"))));
        config.routes.post("/api/v1/integrations/{id}/authorizations", this::authorizeAgain);
        config.routes.get("/api/v1/integrations/{id}", this::get);
        config.routes.delete("/api/v1/integrations/{id}", this::disconnect);
        config.routes.post("/api/v1/integrations/{id}/refresh", this::refresh);
        config.routes.put("/api/v1/integrations/{id}/tools/{tool}/policy", this::setPolicy);
        config.routes.put("/api/v1/integrations/{id}/tools/{tool}/sensitive", this::markSensitive);
    }

    private void kinds(Context ctx) {
        caller.mspOf(ctx);
        String scope = Optional.ofNullable(ctx.queryParam("scope")).orElse("msp");
        IntegrationScope parsed = switch (scope) {
            case "msp" -> IntegrationScope.MSP;
            case "client" -> IntegrationScope.CLIENT;
            default -> throw RequestProblem.invalidField("scope", "scope.unknown", "must be msp or client");
        };
        ctx.json(kinds.kinds(parsed).stream().map(IntegrationKindJson::from).toList());
    }

    private void list(Context ctx, Optional<String> client) {
        ctx.json(IntegrationListJson.from(list.list(caller.mspOf(ctx), client)));
    }

    private void connect(Context ctx, Optional<String> client) {
        MspId msp = caller.mspOf(ctx);
        IntegrationDetails connected = connect.connect(bodies.read(ctx, ConnectIntegrationJson.class)
                .toCommand(msp, client));
        ctx.status(201).header("Location", "/api/v1/integrations/" + connected.integration().id());
        respond(ctx, connected);
    }

    /**
     * Starts connecting an integration whose system authorizes Steward in the browser (an MCP server with OAuth):
     * the caller sends a person to the answer's {@code authorizationUrl}; the authorization server sends them back to
     * the dashboard's {@code /integrations/authorized}, which connects the integration.
     */
    private void authorize(Context ctx, Optional<String> client) {
        MspId msp = caller.mspOf(ctx);
        ConnectIntegrationCommand given = bodies.read(ctx, ConnectIntegrationJson.class).toCommand(msp, client);
        AuthorizationStarted started = authorize.begin(new BeginAuthorizationCommand(msp, client, given.kind(),
                given.settings(), given.secrets(), Requests.baseUrl(ctx) + AUTHORIZED));
        ctx.status(201).json(AuthorizationStartedJson.from(started));
    }

    /** Starts authorizing a connected OAuth integration again; completing it renews its tokens in place. */
    private void authorizeAgain(Context ctx) {
        AuthorizationStarted started = authorize.beginAgain(caller.mspOf(ctx), ctx.pathParam("id"),
                Requests.baseUrl(ctx) + AUTHORIZED);
        ctx.status(201).json(AuthorizationStartedJson.from(started));
    }

    /** Lists the system's tools again (an MCP server's list may have changed) and answers the integration. */
    private void refresh(Context ctx) {
        IntegrationDetails details = refresh.refresh(caller.mspOf(ctx), ctx.pathParam("id"));
        ctx.header("ETag", IntegrationJson.entityTag(details));
        ctx.json(IntegrationJson.from(details));
    }

    private void get(Context ctx) {
        IntegrationDetails details = get.get(caller.mspOf(ctx), ctx.pathParam("id"));
        if (!Conditionals.answeredNotModified(ctx, IntegrationJson.entityTag(details))) {
            ctx.json(IntegrationJson.from(details));
        }
    }

    private void disconnect(Context ctx) {
        disconnect.disconnect(caller.mspOf(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    private void setPolicy(Context ctx) {
        MspId msp = caller.mspOf(ctx);
        ToolPolicyJson body = bodies.read(ctx, ToolPolicyJson.class);
        respond(ctx, setPolicy.set(new SetToolPolicyCommand(msp, ctx.pathParam("id"), ctx.pathParam("tool"),
                body.policy(), Requests.expectedVersion(ctx))));
    }

    private void markSensitive(Context ctx) {
        MspId msp = caller.mspOf(ctx);
        ToolSensitivityJson body = bodies.read(ctx, ToolSensitivityJson.class);
        respond(ctx, markSensitive.mark(new MarkToolSensitiveCommand(msp, ctx.pathParam("id"),
                ctx.pathParam("tool"), body.sensitive(), Requests.expectedVersion(ctx))));
    }

    private static void respond(Context ctx, IntegrationDetails details) {
        ctx.header("ETag", IntegrationJson.entityTag(details)).json(IntegrationJson.from(details));
    }
}
