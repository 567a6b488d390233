package dev.steward.domain.integration;

import dev.steward.domain.problem.InvalidValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One value an integration kind needs to connect, e.g. ConnectWise's {@code apiBase} or its secret
 * {@code privateKey}. Secret values are stored encrypted and never shown back.
 */
public record SettingSpec(String key, String label, boolean secret, boolean required) {

    private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,63}");

    public SettingSpec {
        if (key == null || !KEY.matcher(key).matches()) {
            throw InvalidValue.of("key", "malformed", "must be 1-64 letters and digits, starting with a letter");
        }
        Objects.requireNonNull(label, "label");
    }

    public static SettingSpec required(String key, String label) {
        return new SettingSpec(key, label, false, true);
    }

    public static SettingSpec optional(String key, String label) {
        return new SettingSpec(key, label, false, false);
    }

    public static SettingSpec secret(String key, String label) {
        return new SettingSpec(key, label, true, true);
    }

    public static SettingSpec optionalSecret(String key, String label) {
        return new SettingSpec(key, label, true, false);
    }

    /** The input field this value is given in: {@code secrets.<key>} or {@code settings.<key>}. */
    public String field() {
        return (secret ? "secrets." : "settings.") + key;
    }
}
