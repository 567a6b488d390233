package dev.steward.application.agent;

import dev.steward.application.security.SecretTokens;
import java.util.Map;
import java.util.TreeMap;

/** What identifies an effect's request, to tell a replay of the same request from a different one at one step. */
final class Fingerprints {

    private Fingerprints() {
    }

    /** A tool and its arguments, whatever their order; a hash, so no argument value is stored. */
    static String call(String tool, Map<String, String> arguments) {
        StringBuilder canonical = new StringBuilder(tool);
        new TreeMap<>(arguments).forEach((k, v) -> canonical.append('\u0000').append(k).append('\u0001').append(v));
        return "call:" + SecretTokens.hash(canonical.toString());
    }

    static String text(String kind, String text) {
        return kind + ":" + SecretTokens.hash(text);
    }
}
