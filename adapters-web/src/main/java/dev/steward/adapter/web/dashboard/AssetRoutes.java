package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.http.Conditionals;
import dev.steward.adapter.web.http.RouteGroup;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The dashboard's one stylesheet and one script, from this package's resources (no inline code: see the CSP). */
public final class AssetRoutes implements RouteGroup {

    private record Asset(byte[] bytes, String etag, String contentType) {
    }

    private final Asset css = load("dashboard.css", "text/css; charset=utf-8");
    private final Asset js = load("dashboard.js", "text/javascript; charset=utf-8");

    @Inject
    public AssetRoutes() {
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/assets/dashboard.css", ctx -> serve(ctx, css));
        config.routes.get("/assets/dashboard.js", ctx -> serve(ctx, js));
    }

    private static void serve(Context ctx, Asset asset) {
        ctx.header("X-Content-Type-Options", "nosniff");
        if (!Conditionals.answeredNotModified(ctx, asset.etag())) {
            ctx.contentType(asset.contentType()).result(asset.bytes());
        }
    }

    private static Asset load(String name, String contentType) {
        try (InputStream in = AssetRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the dashboard's resources");
            }
            byte[] bytes = in.readAllBytes();
            return new Asset(bytes, Conditionals.digestTag(bytes), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
