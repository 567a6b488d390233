package dev.steward.adapter.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.adapter.web.problem.RequestProblem;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses NUL and other control characters at the edge, with a 422 naming the field, before anything reaches a use
 * case or a store: query parameters, path parameters and form fields here, before every matched route; JSON bodies in
 * {@link JsonBodies}. In form fields and JSON strings tab, line feed and carriage return are text (prompts and
 * runbooks have lines); in paths and query parameters they are not. Every other C0 control, DEL and the C1 controls
 * are refused everywhere. PSA webhooks are left to their route: whatever is wrong with a delivery, the PSA gets the
 * same 401 as for a forgery.
 */
public final class ControlCharacters implements RouteGroup {

    @Override
    public void register(JavalinConfig config) {
        config.routes.beforeMatched(ControlCharacters::check);
    }

    private static void check(Context ctx) {
        if (ctx.path().startsWith("/hooks/")) {
            return; // a PSA's delivery: anything wrong with it is the same 401 as a forgery, decided by its route
        }
        ctx.pathParamMap().forEach((name, value) -> require(name, value, false));
        ctx.queryParamMap().forEach((name, values) -> values.forEach(value -> require(name, value, false)));
        if (isForm(ctx)) {
            for (Map.Entry<String, List<String>> field : ctx.formParamMap().entrySet()) {
                field.getValue().forEach(value -> require(field.getKey(), value, true));
            }
        }
    }

    /**
     * @param lines whether tab, line feed and carriage return are allowed (text fields) or not (paths, parameters)
     * @throws RequestProblem 422 naming {@code field} if {@code value} holds a control character
     */
    public static void require(String field, String value, boolean lines) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(lines && (c == '\t' || c == '\n' || c == '\r'))) {
                throw RequestProblem.invalidField(field, field + ".control-character", "must not contain control "
                        + "characters (found U+" + String.format(Locale.ROOT, "%04X", (int) c) + " at position "
                        + (i + 1) + ")");
            }
        }
    }

    /** Every string and member name of a JSON document, each named by its path ({@code settings.apiBase}). */
    static void require(JsonNode node, String path) {
        if (node.isTextual()) {
            require(path.isEmpty() ? "body" : path, node.textValue(), true);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                require(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String child = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
                require(path.isEmpty() ? "body" : path, member.getKey(), false);
                require(member.getValue(), child);
            }
        }
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }
}
