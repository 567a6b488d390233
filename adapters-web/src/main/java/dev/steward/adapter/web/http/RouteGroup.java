package dev.steward.adapter.web.http;

import io.javalin.config.JavalinConfig;

/** One resource's routes, registered in one method. Collected by {@code WebModule} with a multibinder. */
public interface RouteGroup {

    void register(JavalinConfig config);
}
