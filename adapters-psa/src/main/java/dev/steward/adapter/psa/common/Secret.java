package dev.steward.adapter.psa.common;

import java.util.Objects;

/**
 * A credential (private key, client secret, API secret). Its {@link #toString()} never shows the value, so a secret
 * that ends up in a log line, an exception message or a record's toString stays hidden.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** @throws IllegalArgumentException naming {@code field} when the value is missing or blank */
    public static Secret of(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return new Secret(value);
    }

    /** The clear value, for the one place that puts it on the wire. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "[secret]";
    }
}
