package dev.steward.adapter.persistence;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A flat string map as one text to seal: each key and value as {@code <length>:<text>}, so any character (a quote, a
 * newline, a colon) survives the round trip without an escaping scheme to get wrong.
 */
final class SealedArguments {

    private SealedArguments() {
    }

    static String encode(Map<String, String> arguments) {
        StringBuilder out = new StringBuilder();
        arguments.forEach((key, value) -> out.append(key.length()).append(':').append(key)
                .append(value.length()).append(':').append(value));
        return out.toString();
    }

    static Map<String, String> decode(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        int[] at = {0};
        while (at[0] < text.length()) {
            String key = next(text, at);
            out.put(key, next(text, at));
        }
        return out;
    }

    private static String next(String text, int[] at) {
        int colon = text.indexOf(':', at[0]);
        if (colon < 0) {
            throw new IllegalArgumentException("sealed arguments are malformed");
        }
        int length = Integer.parseInt(text.substring(at[0], colon));
        at[0] = colon + 1 + length;
        return text.substring(colon + 1, at[0]);
    }
}
