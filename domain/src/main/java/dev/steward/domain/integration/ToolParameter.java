package dev.steward.domain.integration;

import dev.steward.domain.problem.InvalidValue;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One argument a tool takes. Arguments travel as text ({@code Map<String, String>}): a string as it is, any other
 * type as its JSON text ({@code 42}, {@code true}, {@code {"a":1}}). {@link #check} says whether a value fits: its
 * type, one of {@code allowed} (when given), the {@code pattern} (matched against the whole text, when given) and at
 * most {@code maxLength} characters (when given).
 */
public record ToolParameter(String name, Type type, boolean required, String description, List<String> allowed,
                            Optional<String> pattern, OptionalInt maxLength) {

    /** The longest description kept (the model reads it on every call). */
    public static final int MAX_DESCRIPTION = 1000;

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,18})");

    /** A parameter's JSON type. */
    public enum Type {
        STRING, INTEGER, NUMBER, BOOLEAN,
        /** Any JSON value (an object, an array …), given as its JSON text. */
        JSON;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Type parse(String field, String text) {
            for (Type type : values()) {
                if (type.label().equals(text)) {
                    return type;
                }
            }
            throw InvalidValue.of(field, "unknown", "must be one of string, integer, number, boolean, json");
        }
    }

    public ToolParameter {
        if (name == null || !NAME.matcher(name).matches()) {
            throw InvalidValue.of("parameter", "malformed",
                    "must be 1-64 letters, digits, '_', '.' or '-', starting with a letter or '_'");
        }
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        if (description.length() > MAX_DESCRIPTION) {
            throw InvalidValue.of("parameters." + name + ".description", "too-long",
                    "must be at most " + MAX_DESCRIPTION + " characters");
        }
        allowed = List.copyOf(allowed);
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(maxLength, "maxLength");
        if (pattern.isPresent()) {
            try {
                Pattern.compile(pattern.get());
            } catch (PatternSyntaxException e) {
                throw InvalidValue.of("parameters." + name + ".pattern", "malformed", "is not a regular expression");
            }
        }
        if (maxLength.isPresent() && maxLength.getAsInt() < 1) {
            throw InvalidValue.of("parameters." + name + ".maxLength", "out-of-range", "must be at least 1");
        }
        for (String value : allowed) {
            if (value == null || !fitsType(type, value)) {
                throw InvalidValue.of("parameters." + name + ".enum", "malformed",
                        "every allowed value must be of type " + type.label());
            }
        }
    }

    /** A parameter the call must give. */
    public static ToolParameter required(String name, Type type, String description) {
        return new ToolParameter(name, type, true, description, List.of(), Optional.empty(), OptionalInt.empty());
    }

    /** A parameter the call may leave out. */
    public static ToolParameter optional(String name, Type type, String description) {
        return new ToolParameter(name, type, false, description, List.of(), Optional.empty(), OptionalInt.empty());
    }

    /** The same parameter, allowing only {@code values}. */
    public ToolParameter oneOf(String... values) {
        return new ToolParameter(name, type, required, description, List.of(values), pattern, maxLength);
    }

    /** The same parameter, its whole text matching {@code regex}. */
    public ToolParameter matching(String regex) {
        return new ToolParameter(name, type, required, description, allowed, Optional.of(regex), maxLength);
    }

    /** The same parameter, at most {@code characters} long. */
    public ToolParameter atMost(int characters) {
        return new ToolParameter(name, type, required, description, allowed, pattern, OptionalInt.of(characters));
    }

    /** The field a problem with this argument is reported under: {@code arguments.<name>}. */
    public String field() {
        return "arguments." + name;
    }

    /** What is wrong with {@code value} for this parameter (naming {@link #field()}), or empty when it fits. */
    public Optional<InvalidValue> check(String value) {
        if (value == null) {
            return Optional.of(InvalidValue.of(field(), "required", "is required"));
        }
        if (maxLength.isPresent() && value.length() > maxLength.getAsInt()) {
            return Optional.of(InvalidValue.of(field(), "too-long",
                    "must be at most " + maxLength.getAsInt() + " characters"));
        }
        if (!fitsType(type, value)) {
            return Optional.of(InvalidValue.of(field(), "wrong-type", switch (type) {
                case STRING -> "must be text";
                case INTEGER -> "must be a whole number, e.g. 42";
                case NUMBER -> "must be a number, e.g. 4.2";
                case BOOLEAN -> "must be true or false";
                case JSON -> "must be JSON text, e.g. {\"key\":\"value\"} or [1,2]";
            }));
        }
        if (!allowed.isEmpty() && !allowed.contains(value)) {
            return Optional.of(InvalidValue.of(field(), "not-allowed", "must be one of " + allowed));
        }
        if (pattern.isPresent() && !Pattern.compile(pattern.get()).matcher(value).matches()) {
            return Optional.of(InvalidValue.of(field(), "malformed", "must match " + pattern.get()));
        }
        return Optional.empty();
    }

    private static boolean fitsType(Type type, String value) {
        return switch (type) {
            case STRING -> true;
            case INTEGER -> INTEGER.matcher(value).matches();
            case NUMBER -> JsonText.isNumber(value);
            case BOOLEAN -> value.equals("true") || value.equals("false");
            case JSON -> JsonText.isValid(value);
        };
    }

    /** This parameter as a JSON Schema property: {@code {"type":"string","description":…}}. */
    String schema() {
        StringBuilder out = new StringBuilder("{");
        if (type != Type.JSON) {
            out.append("\"type\":").append(JsonText.quote(type.label()));
        }
        if (!description.isEmpty()) {
            comma(out).append("\"description\":").append(JsonText.quote(description));
        }
        if (!allowed.isEmpty()) {
            comma(out).append("\"enum\":[");
            for (int i = 0; i < allowed.size(); i++) {
                out.append(i == 0 ? "" : ",").append(type == Type.STRING ? JsonText.quote(allowed.get(i))
                        : allowed.get(i));
            }
            out.append(']');
        }
        if (type == Type.STRING) {
            pattern.ifPresent(p -> comma(out).append("\"pattern\":").append(JsonText.quote("^(?:" + p + ")$")));
            maxLength.ifPresent(n -> comma(out).append("\"maxLength\":").append(n));
        }
        return out.append('}').toString();
    }

    private static StringBuilder comma(StringBuilder out) {
        return out.length() > 1 ? out.append(',') : out;
    }
}
