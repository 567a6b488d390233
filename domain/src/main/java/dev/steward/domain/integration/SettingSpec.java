package dev.steward.domain.integration;

import dev.steward.domain.problem.InvalidValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One value an integration kind needs to connect, e.g. ConnectWise's {@code apiBase} or its secret
 * {@code privateKey}. Secret values are stored encrypted and never shown back. A {@code written} value is one Steward
 * writes itself (an MCP server's OAuth tokens, from its authorization): it is kept and checked like the others, but
 * no connect form asks a person for it.
 */
public record SettingSpec(String key, String label, boolean secret, boolean required, boolean written) {

    private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,63}");

    public SettingSpec {
        if (key == null || !KEY.matcher(key).matches()) {
            throw InvalidValue.of("key", "malformed", "must be 1-64 letters and digits, starting with a letter");
        }
        Objects.requireNonNull(label, "label");
        if (written && required) {
            throw InvalidValue.of("required", "written", "a value Steward writes itself cannot be required of people");
        }
    }

    /** A value people give. */
    public SettingSpec(String key, String label, boolean secret, boolean required) {
        this(key, label, secret, required, false);
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

    /** An optional plain value Steward writes itself, never asked for on a connect form. */
    public static SettingSpec written(String key, String label) {
        return new SettingSpec(key, label, false, false, true);
    }

    /** An optional secret Steward writes itself (a token it was issued), never asked for on a connect form. */
    public static SettingSpec writtenSecret(String key, String label) {
        return new SettingSpec(key, label, true, false, true);
    }

    /** The input field this value is given in: {@code secrets.<key>} or {@code settings.<key>}. */
    public String field() {
        return (secret ? "secrets." : "settings.") + key;
    }
}
