package dev.steward.adapter.web.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.steward.adapter.web.problem.RequestProblem;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads request bodies strictly: {@code application/json} only, no unknown fields, no duplicate keys, no trailing
 * data, no silent type coercion ({@code "name": 5} is refused, not turned into {@code "5"}), no control characters in
 * any string ({@link ControlCharacters}). Every refusal is a {@link RequestProblem} naming the offending field where
 * there is one; nothing here ends in a 500.
 */
public final class JsonBodies {

    private final ObjectMapper mapper;

    @Inject
    public JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The one JSON configuration of the web adapter (reading and writing). */
    public static ObjectMapper newMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        // JSON types must match: a number is not a string, a string is not a number, and so on
        refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.Integer);
        return mapper;
    }

    /** Serialises {@code value} with the adapter's mapper (for responses whose bytes are needed, e.g. for an ETag). */
    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void refuse(ObjectMapper mapper, LogicalType target, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(target).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /**
     * The body as {@code type}.
     *
     * @throws RequestProblem 415 for another content type; 400 for a missing or malformed body; 422 naming the
     *         field for a wrong JSON type or an unknown field
     */
    public <T> T read(Context ctx, Class<T> type) {
        requireJson(ctx.header("Content-Type"));
        byte[] body = ctx.bodyAsBytes();
        if (new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw RequestProblem.malformedBody("body.missing", "a JSON object body is required");
        }
        T value;
        try {
            value = mapper.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw RequestProblem.invalidField(path(e), "body.unknown-field",
                    "is not a known field (known: " + known(e.getKnownPropertyIds()) + ")");
        } catch (MismatchedInputException e) {
            if (e.getOriginalMessage().startsWith("Trailing token")) {
                throw RequestProblem.malformedBody("body.malformed-json",
                        "the body must be exactly one JSON object; more data follows it");
            }
            throw RequestProblem.invalidField(path(e), "body.wrong-type", "must be " + describe(e.getTargetType()));
        } catch (JsonParseException e) {
            throw RequestProblem.malformedBody("body.malformed-json", "the body is not valid JSON: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (JacksonException e) {
            // anything else Jackson reports about the input (e.g. a duplicate key found by the tree reader)
            throw RequestProblem.malformedBody("body.malformed-json", "the body could not be read: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (value == null) {
            throw RequestProblem.malformedBody("body.missing", "a JSON object body is required (got null)");
        }
        try {
            ControlCharacters.require(mapper.readTree(body), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return value;
    }

    private static void requireJson(String contentType) {
        if (contentType == null) {
            throw RequestProblem.unsupportedMediaType(null);
        }
        String[] parts = contentType.split(";");
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw RequestProblem.unsupportedMediaType(contentType);
        }
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].split("=", 2);
            if (param[0].strip().equalsIgnoreCase("charset") && param.length == 2
                    && !param[1].strip().replace("\"", "").equalsIgnoreCase("utf-8")) {
                throw RequestProblem.unsupportedMediaType(contentType);
            }
        }
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }

    private static String known(Collection<Object> ids) {
        return ids == null ? "" : ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String describe(Class<?> target) {
        if (target == null) {
            return "of another type";
        }
        if (target == String.class) {
            return "a string";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "a whole number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        }
        return "a JSON object";
    }
}
