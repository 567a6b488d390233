package dev.steward.adapter.web.api;

import dev.steward.adapter.web.http.Conditionals;
import dev.steward.adapter.web.http.RouteGroup;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3.1 description of this API. It is written by hand next to the routes
 * ({@code openapi.json} in this package's resources) and a test checks it against the routes actually registered,
 * both ways, and its schemas against the JSON records.
 */
public final class OpenApiRoutes implements RouteGroup {

    static final String RESOURCE = "openapi.json";

    private final byte[] document;
    private final String etag;

    @Inject
    public OpenApiRoutes() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the web adapter's resources");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        etag = Conditionals.digestTag(document);
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/api/v1/openapi.json", this::document);
    }

    private void document(Context ctx) {
        if (!Conditionals.answeredNotModified(ctx, etag)) {
            ctx.contentType("application/json").result(document);
        }
    }
}
