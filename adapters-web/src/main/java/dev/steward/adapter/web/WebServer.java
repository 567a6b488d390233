package dev.steward.adapter.web;

import io.javalin.Javalin;
import jakarta.inject.Inject;
import java.util.Set;

/** The Javalin server carrying every {@link RouteGroup}. Started and stopped by bootstrap. */
public final class WebServer implements AutoCloseable {

    private final WebSettings settings;
    private final Set<RouteGroup> routes;
    private Javalin app;

    @Inject
    public WebServer(WebSettings settings, Set<RouteGroup> routes) {
        this.settings = settings;
        this.routes = routes;
    }

    public synchronized WebServer start() {
        if (app == null) {
            app = Javalin.create(config -> {
                config.concurrency.useVirtualThreads = true;
                config.startup.showJavalinBanner = false;
                config.http.maxRequestSize = settings.maxRequestBytes();
                routes.forEach(group -> group.register(config));
            }).start(settings.host(), settings.port());
        }
        return this;
    }

    /** The bound port (useful when configured as 0). */
    public int port() {
        return app.port();
    }

    @Override
    public synchronized void close() {
        if (app != null) {
            app.stop();
            app = null;
        }
    }
}
