package dev.steward.domain.user;

import dev.steward.domain.problem.InvalidValue;
import dev.steward.domain.text.VisibleText;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A sign-in email address, kept lower-case so that {@code Ann@MSP.example} and {@code ann@msp.example} are one user.
 * Deliberately loose (one {@code @}, a dot in the domain, no blanks): the address is a login name, not a mailbox we
 * deliver to.
 */
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    public EmailAddress {
        if (value == null || value.isBlank()) {
            throw InvalidValue.of("email", "required", "is required");
        }
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > 254) {
            throw InvalidValue.of("email", "too-long", "must be at most 254 characters");
        }
        VisibleText.require("email", value);
        if (!SHAPE.matcher(value).matches()) {
            throw InvalidValue.of("email", "malformed", "must look like name@example.com");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
