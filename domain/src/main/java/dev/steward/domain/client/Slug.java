package dev.steward.domain.client;

import dev.steward.domain.problem.InvalidValue;

/**
 * A client's short internal identifier, e.g. {@code acme-corp}. It becomes a container and DNS name, hence the
 * rules: lowercase a-z, digits and '-', 1-63 characters, starting and ending with a letter or digit.
 * Never normalised: {@code "Acme"} is refused, not lower-cased.
 */
public record Slug(String value) implements Comparable<Slug> {

    public static final int MAX_LENGTH = 63;

    public Slug {
        if (value == null || value.isEmpty()) {
            throw InvalidValue.of("slug", "required", "is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw InvalidValue.of("slug", "too-long", "must be at most 63 characters (got " + value.length() + ")");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isLetterOrDigit(c) && c != '-') {
                throw InvalidValue.of("slug", "invalid-character", "must use only a-z, 0-9 and '-'; "
                        + describe(c) + " at position " + (i + 1) + " is not allowed");
            }
        }
        if (!isLetterOrDigit(value.charAt(0)) || !isLetterOrDigit(value.charAt(value.length() - 1))) {
            throw InvalidValue.of("slug", "bad-edge", "must start and end with a letter or digit");
        }
    }

    public static Slug of(String value) {
        return new Slug(value);
    }

    /**
     * A slug to suggest for something named {@code name} (a PSA company being imported), for a person to accept or
     * edit: lower-case letters and digits kept, every other run of characters one '-', cut to 63 characters; the
     * fallback when nothing usable is left (a name of symbols only).
     */
    public static Slug suggestedFor(String name, Slug fallback) {
        StringBuilder out = new StringBuilder();
        String lower = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < lower.length() && out.length() < MAX_LENGTH; i++) {
            char c = lower.charAt(i);
            if (isLetterOrDigit(c)) {
                out.append(c);
            } else if (!out.isEmpty() && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        }
        while (!out.isEmpty() && out.charAt(out.length() - 1) == '-') {
            out.setLength(out.length() - 1);
        }
        return out.isEmpty() ? fallback : new Slug(out.toString());
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static String describe(char c) {
        if (c >= 'A' && c <= 'Z') {
            return "uppercase '" + c + "'";
        }
        if (c == ' ') {
            return "a space";
        }
        // invisible or partial characters (tab, no-break space, zero-width space, half of an emoji) by code point
        if (Character.isISOControl(c) || Character.isSurrogate(c) || Character.isWhitespace(c)
                || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT) {
            return String.format("character U+%04X", (int) c);
        }
        return "'" + c + "'";
    }

    @Override
    public int compareTo(Slug other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
