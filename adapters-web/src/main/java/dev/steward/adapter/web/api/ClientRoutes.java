package dev.steward.adapter.web.api;

import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.Conditionals;
import dev.steward.adapter.web.http.IdempotencyKeys;
import dev.steward.adapter.web.http.IdempotencyKeys.StoredResponse;
import dev.steward.adapter.web.http.JsonBodies;
import dev.steward.adapter.web.http.Requests;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.application.client.ClientDetails;
import dev.steward.application.client.CreateClientUseCase;
import dev.steward.application.client.DeleteClientUseCase;
import dev.steward.application.client.GetClientUseCase;
import dev.steward.application.client.ListClientsQuery;
import dev.steward.application.client.ListClientsUseCase;
import dev.steward.application.client.ListStatusHistoryUseCase;
import dev.steward.application.client.RetryProvisioningUseCase;
import dev.steward.application.client.SummarizeClientActivityUseCase;
import dev.steward.domain.msp.MspId;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * The client resource: {@code /api/v1/clients} (list, with each client's requests waiting and last activity; create) and {@code /api/v1/clients/{slug}} (get, delete with
 * the typed name), its status history and the manual retry. The list and the detail answer {@code If-None-Match}
 * with 304; a create with an {@code Idempotency-Key} is done at most once.
 */
public final class ClientRoutes implements RouteGroup {

    static final int DEFAULT_PAGE = 50;

    private final CallerResolver caller;
    private final JsonBodies bodies;
    private final IdempotencyKeys idempotency;
    private final CreateClientUseCase create;
    private final ListClientsUseCase list;
    private final GetClientUseCase get;
    private final DeleteClientUseCase delete;
    private final ListStatusHistoryUseCase history;
    private final RetryProvisioningUseCase retry;
    private final SummarizeClientActivityUseCase summarize;

    @Inject
    public ClientRoutes(CallerResolver caller, JsonBodies bodies, IdempotencyKeys idempotency,
                        CreateClientUseCase create, ListClientsUseCase list, GetClientUseCase get,
                        DeleteClientUseCase delete, ListStatusHistoryUseCase history, RetryProvisioningUseCase retry,
                        SummarizeClientActivityUseCase summarize) {
        this.caller = caller;
        this.bodies = bodies;
        this.idempotency = idempotency;
        this.create = create;
        this.list = list;
        this.get = get;
        this.delete = delete;
        this.history = history;
        this.retry = retry;
        this.summarize = summarize;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.post("/api/v1/clients", this::create);
        config.routes.get("/api/v1/clients", this::list);
        config.routes.get("/api/v1/clients/{slug}", this::get);
        config.routes.delete("/api/v1/clients/{slug}", this::delete);
        config.routes.get("/api/v1/clients/{slug}/history", this::history);
        config.routes.post("/api/v1/clients/{slug}/retry", this::retry);
    }

    private void create(Context ctx) {
        MspId msp = caller.mspOf(ctx);
        Optional<String> key = IdempotencyKeys.keyOf(ctx);
        StoredResponse response = key.isEmpty() ? created(ctx, msp)
                : idempotency.once(msp, key.get(), ctx.bodyAsBytes(), () -> created(ctx, msp));
        response.writeTo(ctx);
    }

    private StoredResponse created(Context ctx, MspId msp) {
        ClientDetails created = create.create(bodies.read(ctx, CreateClientJson.class).toCommand(msp));
        return new StoredResponse(201, Map.of("Location", "/api/v1/clients/" + created.client().slug().value(),
                "ETag", ClientJson.entityTag(created)), "application/json", bodies.write(ClientJson.from(created)));
    }

    private void list(Context ctx) {
        MspId msp = caller.mspOf(ctx);
        ListClientsQuery query = new ListClientsQuery(msp, ctx.queryParam("status"), ctx.queryParam("search"),
                ctx.queryParam("after"), Requests.intQueryParam(ctx, "limit", DEFAULT_PAGE));
        byte[] body = bodies.write(ClientPageJson.listed(list, summarize, query));
        if (!Conditionals.answeredNotModified(ctx, Conditionals.digestTag(body))) {
            ctx.contentType("application/json").result(body);
        }
    }

    private void get(Context ctx) {
        ClientDetails details = get.get(caller.mspOf(ctx), ctx.pathParam("slug"));
        if (!Conditionals.answeredNotModified(ctx, ClientJson.entityTag(details))) {
            ctx.json(ClientJson.from(details));
        }
    }

    private void delete(Context ctx) {
        MspId msp = caller.mspOf(ctx);
        DeleteClientJson body = bodies.read(ctx, DeleteClientJson.class);
        respond(ctx, delete.delete(body.toCommand(msp, ctx.pathParam("slug"), Requests.expectedVersion(ctx))));
    }

    private void history(Context ctx) {
        ctx.json(history.history(caller.mspOf(ctx), ctx.pathParam("slug")).stream()
                .map(StatusChangeJson::from).toList());
    }

    private void retry(Context ctx) {
        respond(ctx, retry.retry(caller.mspOf(ctx), ctx.pathParam("slug")));
    }

    static void respond(Context ctx, ClientDetails details) {
        ctx.header("ETag", ClientJson.entityTag(details)).json(ClientJson.from(details));
    }
}
