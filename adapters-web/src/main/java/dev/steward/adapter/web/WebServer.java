package dev.steward.adapter.web;

import dev.steward.adapter.web.http.Requests;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.adapter.web.dashboard.ErrorPage;
import dev.steward.adapter.web.problem.Problem;
import dev.steward.adapter.web.problem.ProblemMapper;
import dev.steward.application.lifecycle.Lifecycle;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Javalin server carrying every {@link RouteGroup}. Configured once here: JSON through the adapter's
 * {@link ObjectMapper}, the request size limit, and every exception (and unknown route) answered by the
 * {@link ProblemMapper}. Started last and stopped first by bootstrap ({@link Lifecycle.Phase#TRAFFIC}).
 */
public final class WebServer implements Lifecycle, AutoCloseable {

    private final WebSettings settings;
    private final Set<RouteGroup> routes;
    private final ProblemMapper problems;
    private final ObjectMapper json;
    private final List<String> registered = new CopyOnWriteArrayList<>();
    private Javalin app;

    @Inject
    public WebServer(WebSettings settings, Set<RouteGroup> routes, ProblemMapper problems, ObjectMapper json) {
        this.settings = settings;
        this.routes = routes;
        this.problems = problems;
        this.json = json;
    }

    @Override
    public Phase phase() {
        return Phase.TRAFFIC;
    }

    @Override
    public synchronized void start() {
        if (app == null) {
            app = Javalin.create(config -> {
                config.concurrency.useVirtualThreads = true;
                config.startup.showJavalinBanner = false;
                config.http.maxRequestSize = settings.maxRequestBytes();
                config.jsonMapper(new JavalinJackson(json, true));
                config.routes.exception(Exception.class, this::handle);
                // Javalin pre-registers its own text/plain handler for these (unknown route, body too large, ...)
                config.routes.exception(HttpResponseException.class, this::handle);
                config.events.handlerAdded(route -> registered.add(route.getHttpMethod() + " " + route.getPath()));
                routes.forEach(group -> group.register(config));
            }).start(settings.host(), settings.port());
        }
    }

    /** Browsers navigating the dashboard get an HTML error page; everyone else the problem JSON. */
    private void handle(Exception error, Context ctx) {
        Problem problem = problems.toProblem(error, ctx);
        if (Requests.wantsHtml(ctx)) {
            ErrorPage.write(ctx, problem);
        } else {
            problems.write(ctx, problem);
        }
    }

    /** Every registered route as {@code "METHOD /path/{param}"}, in registration order (for checks and docs). */
    public List<String> routes() {
        return List.copyOf(registered);
    }

    /** The bound port (useful when configured as 0). */
    public int port() {
        return app.port();
    }

    @Override
    public void stop() {
        close();
    }

    @Override
    public synchronized void close() {
        if (app != null) {
            app.stop();
            app = null;
        }
    }
}
