package dev.steward.adapter.web;

import dev.steward.adapter.web.http.RouteGroup;
import io.javalin.config.JavalinConfig;
import jakarta.inject.Inject;
import java.util.Map;

/** {@code GET /health}: liveness for load balancers and orchestrators. */
final class HealthRoutes implements RouteGroup {

    @Inject
    HealthRoutes() {
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
    }
}
