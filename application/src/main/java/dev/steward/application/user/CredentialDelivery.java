package dev.steward.application.user;

import dev.steward.domain.problem.InvalidValue;
import java.util.Locale;

/**
 * How a new or reset password reaches its user: a one-time link to set it themselves ({@code link}), or a generated
 * password shown once to the admin ({@code password}).
 */
public enum CredentialDelivery {
    LINK("link"),
    GENERATED_PASSWORD("password");

    private final String label;

    CredentialDelivery(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** @throws InvalidValue ({@code delivery}) naming the allowed values */
    public static CredentialDelivery parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (CredentialDelivery delivery : values()) {
            if (delivery.label.equals(wanted)) {
                return delivery;
            }
        }
        throw InvalidValue.of("delivery", "unknown", "must be 'link' or 'password'");
    }
}
