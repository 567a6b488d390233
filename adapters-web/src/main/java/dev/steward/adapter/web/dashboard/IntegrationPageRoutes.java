package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.api.ClientJson;
import dev.steward.adapter.web.api.ClientMappingJson.ChoiceListJson;
import dev.steward.adapter.web.api.IntegrationJson;
import dev.steward.adapter.web.dashboard.IntegrationPages.ConnectForm;
import dev.steward.adapter.web.dashboard.IntegrationPages.PolicyForm;
import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.adapter.web.problem.Problem;
import dev.steward.adapter.web.problem.ProblemMapper;
import dev.steward.application.client.GetClientUseCase;
import dev.steward.adapter.web.api.IntegrationRoutes;
import dev.steward.adapter.web.http.Requests;
import dev.steward.application.integration.AuthorizationStarted;
import dev.steward.application.integration.AuthorizeIntegrationUseCase;
import dev.steward.application.integration.BeginAuthorizationCommand;
import dev.steward.application.integration.CompleteAuthorizationCommand;
import dev.steward.application.integration.ConnectIntegrationCommand;
import dev.steward.application.integration.ConnectIntegrationUseCase;
import dev.steward.application.integration.DisconnectIntegrationUseCase;
import dev.steward.application.integration.GetIntegrationUseCase;
import dev.steward.application.integration.IntegrationDetails;
import dev.steward.application.integration.ListClientMappingsUseCase;
import dev.steward.application.integration.ListIntegrationKindsUseCase;
import dev.steward.application.integration.ListIntegrationsUseCase;
import dev.steward.application.integration.MarkToolSensitiveCommand;
import dev.steward.application.integration.MarkToolSensitiveUseCase;
import dev.steward.application.integration.RefreshIntegrationToolsUseCase;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.application.integration.SetToolPolicyCommand;
import dev.steward.application.integration.SetToolPolicyUseCase;
import dev.steward.application.problem.ApplicationException;
import dev.steward.adapter.web.dashboard.IntegrationPages.PsaForm;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.psa.MapClientToPsaCommand;
import dev.steward.application.psa.MapClientToPsaUseCase;
import dev.steward.domain.integration.IntegrationScope;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.DomainException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dashboard: the MSP-wide Integrations page, a client's Integrations tab, one integration with its tool policies, and
 * disconnecting one after a confirmation step. Every change is a form post answered with a redirect, or with the page
 * again showing the error on the field.
 */
public final class IntegrationPageRoutes implements RouteGroup {

    private static final String SETTINGS = "settings.";
    private static final String SECRETS = "secrets.";
    private static final String OAUTH = "oauth";

    private final CallerResolver caller;
    private final ProblemMapper problems;
    private final GetClientUseCase clients;
    private final ListIntegrationKindsUseCase kinds;
    private final ListIntegrationsUseCase list;
    private final ConnectIntegrationUseCase connect;
    private final GetIntegrationUseCase get;
    private final SetToolPolicyUseCase setPolicy;
    private final MarkToolSensitiveUseCase markSensitive;
    private final DisconnectIntegrationUseCase disconnect;
    private final MapClientToPsaUseCase mapToPsa;
    private final ListClientMappingsUseCase mappings;
    private final RefreshIntegrationToolsUseCase refresh;
    private final AuthorizeIntegrationUseCase authorize;

    @Inject
    public IntegrationPageRoutes(CallerResolver caller, ProblemMapper problems, GetClientUseCase clients,
                                 ListIntegrationKindsUseCase kinds, ListIntegrationsUseCase list,
                                 ConnectIntegrationUseCase connect, GetIntegrationUseCase get,
                                 SetToolPolicyUseCase setPolicy, MarkToolSensitiveUseCase markSensitive,
                                 DisconnectIntegrationUseCase disconnect,
                                 MapClientToPsaUseCase mapToPsa, ListClientMappingsUseCase mappings,
                                 RefreshIntegrationToolsUseCase refresh, AuthorizeIntegrationUseCase authorize) {
        this.authorize = authorize;
        this.mappings = mappings;
        this.refresh = refresh;
        this.mapToPsa = mapToPsa;
        this.caller = caller;
        this.problems = problems;
        this.clients = clients;
        this.kinds = kinds;
        this.list = list;
        this.connect = connect;
        this.get = get;
        this.setPolicy = setPolicy;
        this.markSensitive = markSensitive;
        this.disconnect = disconnect;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/integrations", ctx -> mspPage(ctx, 200, ConnectForm.NONE));
        config.routes.post("/integrations", ctx -> connect(ctx, Optional.empty()));
        config.routes.get("/clients/{slug}/integrations", ctx -> clientTab(ctx, 200, ConnectForm.NONE, null));
        config.routes.post("/clients/{slug}/psa-mapping", this::mapToPsa);
        config.routes.post("/clients/{slug}/integrations", ctx -> connect(ctx, Optional.of(ctx.pathParam("slug"))));
        // before /integrations/{id}, which it would otherwise match
        config.routes.get(IntegrationRoutes.AUTHORIZED, this::authorized);
        config.routes.get("/integrations/{id}", ctx -> detail(ctx, 200, PolicyForm.NONE));
        config.routes.post("/integrations/{id}/tools/{tool}/policy", this::setPolicy);
        config.routes.post("/integrations/{id}/tools/{tool}/sensitive", this::markSensitive);
        config.routes.post("/integrations/{id}/refresh", this::refresh);
        config.routes.post("/integrations/{id}/authorize", this::authorizeAgain);
        config.routes.get("/integrations/{id}/disconnect", this::confirmDisconnect);
        config.routes.post("/integrations/{id}/disconnect", this::disconnect);
    }

    private void connect(Context ctx, Optional<String> client) {
        MspId msp = caller.mspOf(ctx);
        Map<String, String> settings = prefixed(ctx, SETTINGS);
        String formKind = Forms.orEmpty(ctx.formParam("kind"));
        String server = Forms.orEmpty(ctx.formParam("server")).strip();
        // an MCP server's form names the server; the integration's kind is mcp:<name>
        String kind = formKind.equals(IntegrationKinds.NAMED_SERVERS) ? formKind + ":" + server : formKind;
        try {
            if (OAUTH.equals(settings.get("auth"))) {
                // authorized in the browser: off to the authorization server, which sends the person back
                AuthorizationStarted started = authorize.begin(new BeginAuthorizationCommand(msp, client, kind,
                        settings, prefixed(ctx, SECRETS), Requests.baseUrl(ctx) + IntegrationRoutes.AUTHORIZED));
                Layout.write(ctx, 200, IntegrationPages.authorizeAt(kind, started.authorizationUrl()));
                return;
            }
            IntegrationDetails connected = connect.connect(new ConnectIntegrationCommand(msp, client, kind, settings,
                    prefixed(ctx, SECRETS)));
            Forms.seeOther(ctx, "/integrations/" + connected.integration().id());
        } catch (DomainException | ApplicationException e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            ConnectForm form = new ConnectForm(formKind, server, settings, FormErrors.from(problem));
            if (client.isPresent()) {
                clientTab(ctx, problem.status(), form, null);
            } else {
                mspPage(ctx, problem.status(), form);
            }
        }
    }

    /**
     * Where the authorization server sends the person back, with the state and a code (or an error): the integration
     * is connected and shown, or the Integrations page says why not.
     */
    private void authorized(Context ctx) {
        MspId msp = caller.mspOf(ctx);
        try {
            IntegrationDetails connected = authorize.complete(new CompleteAuthorizationCommand(msp,
                    ctx.queryParam("state"), Optional.ofNullable(ctx.queryParam("code")),
                    Optional.ofNullable(ctx.queryParam("error")),
                    Optional.ofNullable(ctx.queryParam("error_description"))));
            Forms.seeOther(ctx, "/integrations/" + connected.integration().id());
        } catch (DomainException | ApplicationException e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            mspPage(ctx, problem.status(), new ConnectForm(IntegrationKinds.NAMED_SERVERS, "", Map.of(),
                    FormErrors.from(problem)));
        }
    }

    /** The form fields named {@code <prefix><key>}, by key. */
    private static Map<String, String> prefixed(Context ctx, String prefix) {
        Map<String, String> values = new HashMap<>();
        ctx.formParamMap().forEach((name, given) -> {
            if (name.startsWith(prefix) && name.length() > prefix.length() && !given.isEmpty()) {
                values.put(name.substring(prefix.length()), given.getFirst());
            }
        });
        return values;
    }

    private void mspPage(Context ctx, int status, ConnectForm form) {
        MspId msp = caller.mspOf(ctx);
        Layout.write(ctx, status, IntegrationPages.mspList(json(list.list(msp, Optional.empty())),
                kinds.kinds(IntegrationScope.MSP), form));
    }

    /** @param psa the PSA company form as refused, or null to show the stored mapping */
    private void clientTab(Context ctx, int status, ConnectForm form, PsaForm psa) {
        MspId msp = caller.mspOf(ctx);
        ClientJson client = ClientJson.from(clients.get(msp, ctx.pathParam("slug")));
        List<IntegrationJson> mspWide = json(list.list(msp, Optional.empty()));
        Layout.write(ctx, status, IntegrationPages.clientTab(client,
                json(list.list(msp, Optional.of(client.slug()))), mspWide,
                kinds.kinds(IntegrationScope.CLIENT), form, connectedPsaKinds(msp, mspWide),
                psa == null ? PsaForm.of(client) : psa,
                MappingPages.section(client, ChoiceListJson.from(mappings.list(msp, client.slug())).items())));
    }

    /** The MSP-wide integrations that are connected PSAs (those a client can be a company of). */
    private List<String> connectedPsaKinds(MspId msp, List<IntegrationJson> mspWide) {
        return mspWide.stream().map(IntegrationJson::kind).filter(kind -> mapToPsa.canMapTo(msp, kind)).toList();
    }

    private void mapToPsa(Context ctx) {
        MspId msp = caller.mspOf(ctx);
        boolean remove = "true".equals(ctx.formParam("remove"));
        String kind = remove ? null : Forms.orEmpty(ctx.formParam("integrationKind"));
        String company = remove ? null : Forms.orEmpty(ctx.formParam("companyId"));
        try {
            if (!remove && company.isBlank()) {
                throw new InvalidCommand(List.of(new FieldViolation("companyId", "companyId.required",
                        "is required (Remove takes the mapping away)")));
            }
            mapToPsa.map(new MapClientToPsaCommand(msp, ctx.pathParam("slug"), kind, company, Forms.version(ctx)));
            Forms.seeOther(ctx, "/clients/" + ctx.pathParam("slug") + "/integrations");
        } catch (DomainException | ApplicationException e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            clientTab(ctx, problem.status(), ConnectForm.NONE, new PsaForm(Forms.orEmpty(kind), Forms.orEmpty(company),
                    FormErrors.from(problem)));
        }
    }

    private void detail(Context ctx, int status, PolicyForm refused) {
        MspId msp = caller.mspOf(ctx);
        IntegrationJson integration = IntegrationJson.from(get.get(msp, ctx.pathParam("id")));
        boolean psa = integration.client() == null && mapToPsa.canMapTo(msp, integration.kind());
        Layout.write(ctx, status, IntegrationPages.detail(integration, refused, psa));
    }

    private void setPolicy(Context ctx) {
        MspId msp = caller.mspOf(ctx);
        String id = ctx.pathParam("id");
        try {
            setPolicy.set(new SetToolPolicyCommand(msp, id, ctx.pathParam("tool"), ctx.formParam("policy"),
                    Forms.version(ctx)));
            Forms.seeOther(ctx, "/integrations/" + Forms.encode(id));
        } catch (DomainException | ApplicationException e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            detail(ctx, problem.status(), new PolicyForm(ctx.pathParam("tool"), FormErrors.from(problem)));
        }
    }

    private void markSensitive(Context ctx) {
        MspId msp = caller.mspOf(ctx);
        String id = ctx.pathParam("id");
        try {
            String sensitive = ctx.formParam("sensitive");
            markSensitive.mark(new MarkToolSensitiveCommand(msp, id, ctx.pathParam("tool"),
                    sensitive == null ? null : Boolean.valueOf(sensitive), Forms.version(ctx)));
            Forms.seeOther(ctx, "/integrations/" + Forms.encode(id));
        } catch (DomainException | ApplicationException e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            detail(ctx, problem.status(), new PolicyForm(ctx.pathParam("tool"), FormErrors.from(problem)));
        }
    }

    /** Lists an MCP server's tools again; a server that does not answer is shown as the page's alert. */
    private void refresh(Context ctx) {
        String id = ctx.pathParam("id");
        try {
            refresh.refresh(caller.mspOf(ctx), id);
            Forms.seeOther(ctx, "/integrations/" + Forms.encode(id));
        } catch (DomainException | ApplicationException e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            detail(ctx, problem.status(), new PolicyForm("", FormErrors.from(problem)));
        }
    }

    /** Authorizes a connected OAuth server again: the page with the link to its authorization server. */
    private void authorizeAgain(Context ctx) {
        String id = ctx.pathParam("id");
        try {
            AuthorizationStarted started = authorize.beginAgain(caller.mspOf(ctx), id,
                    Requests.baseUrl(ctx) + IntegrationRoutes.AUTHORIZED);
            String kind = get.get(caller.mspOf(ctx), id).integration().kind();
            Layout.write(ctx, 200, IntegrationPages.authorizeAt(kind, started.authorizationUrl()));
        } catch (DomainException | ApplicationException e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            detail(ctx, problem.status(), new PolicyForm("", FormErrors.from(problem)));
        }
    }

    private void confirmDisconnect(Context ctx) {
        Layout.write(ctx, 200, IntegrationPages.confirmDisconnect(IntegrationJson.from(get.get(caller.mspOf(ctx),
                ctx.pathParam("id")))));
    }

    private void disconnect(Context ctx) {
        MspId msp = caller.mspOf(ctx);
        IntegrationDetails integration = get.get(msp, ctx.pathParam("id"));
        disconnect.disconnect(msp, ctx.pathParam("id"));
        Forms.seeOther(ctx, integration.client().map(slug -> "/clients/" + slug.value() + "/integrations")
                .orElse("/integrations"));
    }

    private static List<IntegrationJson> json(List<IntegrationDetails> integrations) {
        return integrations.stream().map(IntegrationJson::from).toList();
    }
}
