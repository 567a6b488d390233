package dev.steward.adapter.web;

import io.javalin.config.JavalinConfig;

/** One resource's routes, registered in one method. Collected by {@link WebModule} with a multibinder. */
public interface RouteGroup {

    void register(JavalinConfig config);
}
