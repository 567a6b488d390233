package dev.steward.adapter.web;

import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.application.health.CheckReadinessUseCase;
import dev.steward.application.health.CheckReadinessUseCase.Readiness;
import io.javalin.config.JavalinConfig;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Health for load balancers and orchestrators. {@code GET /health/live} (and {@code /health}, kept for existing
 * probes): the process answers. {@code GET /health/ready}: 200 while the database answers with a current schema, 503
 * with the problems otherwise, so a load balancer drains an instance that cannot serve; a liveness probe must not
 * use it (restarting an instance does not bring its database back).
 */
final class HealthRoutes implements RouteGroup {

    private final CheckReadinessUseCase readiness;

    @Inject
    HealthRoutes(CheckReadinessUseCase readiness) {
        this.readiness = readiness;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
        config.routes.get("/health/live", ctx -> ctx.json(Map.of("status", "ok")));
        config.routes.get("/health/ready", ctx -> {
            Readiness now = readiness.check();
            ctx.status(now.ready() ? 200 : 503).json(now.ready() ? Map.of("status", "ready")
                    : Map.of("status", "not-ready", "problems", now.problems()));
        });
    }
}
