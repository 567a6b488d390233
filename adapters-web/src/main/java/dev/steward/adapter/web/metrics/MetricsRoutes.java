package dev.steward.adapter.web.metrics;

import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.adapter.web.problem.Problem;
import dev.steward.adapter.web.problem.RequestProblem;
import dev.steward.application.problem.NotSignedIn;
import dev.steward.application.security.SecretTokens;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.javalin.router.Endpoint;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * {@code GET /metrics}: every meter in Prometheus' text format, for a scraper that sends
 * {@code Authorization: Bearer <STEWARD_METRICS_TOKEN>} (metrics say how busy each MSP is, so they are not public;
 * without a configured token the route answers 404). Also times every HTTP request as
 * {@code http_server_requests_seconds{method,route,status}}, labelled with the route's path template (never the raw
 * path, so the number of series stays bounded).
 */
public final class MetricsRoutes implements RouteGroup {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final String STARTED = "steward.request-started";

    private final PrometheusMeterRegistry registry;
    private final Optional<String> token;

    /** The bearer token that reads the metrics ({@code STEWARD_METRICS_TOKEN}); empty: metrics are off. */
    public record Token(Optional<String> value) {
    }

    @Inject
    public MetricsRoutes(PrometheusMeterRegistry registry, Token token) {
        this.registry = registry;
        this.token = token.value();
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        config.routes.after(this::time);
        config.routes.get("/metrics", this::scrape);
    }

    private void scrape(Context ctx) {
        if (token.isEmpty()) {
            throw new RequestProblem(Problem.of(404, "Not Found", "metrics.off",
                    "metrics are off: set STEWARD_METRICS_TOKEN and scrape with 'Authorization: Bearer <token>'"));
        }
        String authorization = ctx.header("Authorization");
        String sent = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : null;
        if (!SecretTokens.same(token.get(), sent)) {
            throw new NotSignedIn("send 'Authorization: Bearer <STEWARD_METRICS_TOKEN>' to read the metrics");
        }
        ctx.contentType(CONTENT_TYPE).result(registry.scrape());
    }

    private void time(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        String route;
        try {
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            route = endpoint == null ? "unmatched" : endpoint.path;
        } catch (IllegalStateException noRouteMatched) {
            route = "unmatched";
        }
        Timer.builder("http.server.requests").description("HTTP requests by route template and status")
                .tags("method", ctx.method().name(), "route", route, "status", Integer.toString(ctx.statusCode()))
                .register(registry).record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
