package dev.steward.adapter.web.api;

import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.JsonBodies;
import dev.steward.adapter.web.http.Requests;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.adapter.web.problem.RequestProblem;
import dev.steward.application.activity.ActivityPage;
import dev.steward.application.activity.ListActivityQuery;
import dev.steward.application.activity.ListActivityUseCase;
import dev.steward.domain.msp.MspId;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The audit log: {@code GET /api/v1/activity} (MSP-wide, or {@code ?client=<slug>}), {@code GET
 * /api/v1/clients/{slug}/activity}, both with filters {@code ticket, tool, outcome, from, to} and keyset paging
 * ({@code before}, {@code limit}); {@code GET /api/v1/activity/export?format=csv|json} returns every matching entry
 * (up to {@value #EXPORT_MAX}) as a download.
 */
public final class ActivityRoutes implements RouteGroup {

    static final int DEFAULT_PAGE = 50;
    static final int EXPORT_MAX = 100_000;
    private static final int EXPORT_PAGE = 500;
    static final List<String> CSV_COLUMNS = List.of("at", "id", "clientId", "session", "ticket", "kind", "tool",
            "outcome", "summary", "durationMillis", "actor", "arguments");

    private final CallerResolver caller;
    private final JsonBodies json;
    private final ListActivityUseCase activity;

    @Inject
    public ActivityRoutes(CallerResolver caller, JsonBodies json, ListActivityUseCase activity) {
        this.caller = caller;
        this.json = json;
        this.activity = activity;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/api/v1/activity", ctx -> page(ctx, ctx.queryParam("client")));
        config.routes.get("/api/v1/clients/{slug}/activity", ctx -> page(ctx, ctx.pathParam("slug")));
        config.routes.get("/api/v1/activity/export", this::export);
    }

    private ListActivityQuery query(Context ctx, MspId msp, String client, String before, int limit) {
        return new ListActivityQuery(msp, client, ctx.queryParam("ticket"), ctx.queryParam("tool"),
                ctx.queryParam("outcome"), ctx.queryParam("from"), ctx.queryParam("to"), before, limit);
    }

    private void page(Context ctx, String client) {
        MspId msp = caller.mspOf(ctx);
        ctx.json(ActivityPageJson.from(activity.list(query(ctx, msp, client, ctx.queryParam("before"),
                Requests.intQueryParam(ctx, "limit", DEFAULT_PAGE)))));
    }

    private void export(Context ctx) {
        String format = Optional.ofNullable(ctx.queryParam("format")).orElse("csv");
        if (!format.equals("csv") && !format.equals("json")) {
            throw RequestProblem.invalidField("format", "format.unknown", "must be csv or json");
        }
        MspId msp = caller.mspOf(ctx);
        List<ActivityJson> all = new ArrayList<>();
        Optional<String> before = Optional.empty();
        do {
            ActivityPage page = activity.list(query(ctx, msp, ctx.queryParam("client"), before.orElse(null),
                    EXPORT_PAGE));
            page.items().stream().map(ActivityJson::from).forEach(all::add);
            before = page.next();
        } while (before.isPresent() && all.size() < EXPORT_MAX);
        ctx.header("Content-Disposition", "attachment; filename=\"activity." + format + "\"");
        if (format.equals("json")) {
            ctx.contentType("application/json").result(json.write(all));
        } else {
            ctx.contentType("text/csv; charset=utf-8").result(csv(all));
        }
    }

    static byte[] csv(List<ActivityJson> entries) {
        StringBuilder line = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (ActivityJson e : entries) {
            String arguments = e.arguments().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(a -> a.getKey() + "=" + a.getValue()).collect(Collectors.joining("; "));
            List<Object> cells = List.of(e.at(), e.id(), e.clientId(), orEmpty(e.session()), orEmpty(e.ticket()),
                    e.kind(), orEmpty(e.tool()), e.outcome(), e.summary(), e.durationMillis(), orEmpty(e.actor()),
                    arguments);
            line.append(cells.stream().map(c -> cell(String.valueOf(c))).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return line.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** RFC 4180 quoting, and a leading quote on cells a spreadsheet would run as a formula. */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r");
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
