package dev.steward.domain.activity;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A tool call's arguments as they may be stored and shown: values of secret-looking keys are replaced by
 * {@value #MASK}. Built only through {@link #of}, so unredacted arguments cannot reach the activity log.
 */
public record RedactedArguments(Map<String, String> values) {

    public static final String MASK = "[redacted]";
    public static final RedactedArguments NONE = new RedactedArguments(Map.of());
    private static final Set<String> SECRET_MARKERS = Set.of("password", "secret", "token", "apikey", "api_key",
            "api-key", "authorization", "credential", "privatekey", "private_key", "otp", "passcode", "cookie");

    public RedactedArguments {
        values = Map.copyOf(values);
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (isSecretKey(e.getKey()) && !MASK.equals(e.getValue())) {
                throw new IllegalArgumentException("argument " + e.getKey() + " must be redacted");
            }
        }
    }

    public static RedactedArguments of(Map<String, String> raw) {
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k, isSecretKey(k) ? MASK : v));
        return new RedactedArguments(out);
    }

    public static boolean isSecretKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return SECRET_MARKERS.stream().anyMatch(k::contains);
    }
}
