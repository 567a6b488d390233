package dev.steward.domain.integration;

/**
 * JSON text without a JSON library (the domain has none): whether a text is one well-formed JSON value (RFC 8259),
 * and how to write a string as a JSON string. Nesting deeper than {@value #MAX_DEPTH} counts as malformed, so a
 * hostile argument cannot exhaust the stack.
 */
public final class JsonText {

    static final int MAX_DEPTH = 64;

    private JsonText() {
    }

    /** Whether {@code text} is exactly one JSON value, surrounded by whitespace at most. */
    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        try {
            return whitespace(text, value(text, 0, 0)) == text.length();
        } catch (Malformed e) {
            return false;
        }
    }

    /** Whether {@code text} is a JSON object. */
    public static boolean isObject(String text) {
        return isValid(text) && text.strip().startsWith("{");
    }

    /** Whether {@code text} is a JSON number (as a tool argument of type number or integer is written). */
    public static boolean isNumber(String text) {
        return isValid(text) && !text.isEmpty() && (text.charAt(0) == '-' || Character.isDigit(text.charAt(0)))
                && text.strip().equals(text);
    }

    /** {@code text} as a JSON string literal, quotes included. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static final class Malformed extends RuntimeException {
        Malformed() {
            super(null, null, false, false);
        }
    }

    /** Each step takes the text and a position and returns the position after what it read. */
    private static int value(String s, int at, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Malformed();
        }
        at = whitespace(s, at);
        return switch (peek(s, at)) {
            case '{' -> object(s, at, depth);
            case '[' -> array(s, at, depth);
            case '"' -> string(s, at);
            case 't' -> literal(s, at, "true");
            case 'f' -> literal(s, at, "false");
            case 'n' -> literal(s, at, "null");
            default -> number(s, at);
        };
    }

    private static int object(String s, int at, int depth) {
        at = whitespace(s, at + 1);
        if (peek(s, at) == '}') {
            return at + 1;
        }
        while (true) {
            at = whitespace(s, string(s, whitespace(s, at)));
            at = value(s, expect(s, at, ':'), depth + 1);
            at = whitespace(s, at);
            if (peek(s, at) != ',') {
                return expect(s, at, '}');
            }
            at++;
        }
    }

    private static int array(String s, int at, int depth) {
        at = whitespace(s, at + 1);
        if (peek(s, at) == ']') {
            return at + 1;
        }
        while (true) {
            at = whitespace(s, value(s, at, depth + 1));
            if (peek(s, at) != ',') {
                return expect(s, at, ']');
            }
            at++;
        }
    }

    private static int string(String s, int at) {
        at = expect(s, at, '"');
        while (true) {
            char c = charAt(s, at++);
            if (c == '"') {
                return at;
            }
            if (c < 0x20) {
                throw new Malformed();
            }
            if (c == '\\') {
                char escaped = charAt(s, at++);
                if (escaped == 'u') {
                    for (int i = 0; i < 4; i++) {
                        if (Character.digit(charAt(s, at++), 16) < 0) {
                            throw new Malformed();
                        }
                    }
                } else if ("\"\\/bfnrt".indexOf(escaped) < 0) {
                    throw new Malformed();
                }
            }
        }
    }

    private static int number(String s, int at) {
        if (peek(s, at) == '-') {
            at++;
        }
        at = peek(s, at) == '0' ? at + 1 : digits(s, at);
        if (peek(s, at) == '.') {
            at = digits(s, at + 1);
        }
        if (peek(s, at) == 'e' || peek(s, at) == 'E') {
            at++;
            if (peek(s, at) == '+' || peek(s, at) == '-') {
                at++;
            }
            at = digits(s, at);
        }
        return at;
    }

    private static int digits(String s, int at) {
        int start = at;
        while (peek(s, at) >= '0' && peek(s, at) <= '9') {
            at++;
        }
        if (at == start) {
            throw new Malformed();
        }
        return at;
    }

    private static int literal(String s, int at, String word) {
        if (!s.startsWith(word, at)) {
            throw new Malformed();
        }
        return at + word.length();
    }

    private static int whitespace(String s, int at) {
        while (at < s.length() && " \t\r\n".indexOf(s.charAt(at)) >= 0) {
            at++;
        }
        return at;
    }

    private static int expect(String s, int at, char c) {
        if (charAt(s, at) != c) {
            throw new Malformed();
        }
        return at + 1;
    }

    private static char peek(String s, int at) {
        return at < s.length() ? s.charAt(at) : '\0';
    }

    private static char charAt(String s, int at) {
        if (at >= s.length()) {
            throw new Malformed();
        }
        return s.charAt(at);
    }
}
