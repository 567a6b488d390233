package dev.steward.application.problem;

import java.util.Objects;

/** One input field and what is wrong with it, e.g. {@code slug}, {@code slug.invalid-character}, "must use only …". */
public record FieldViolation(String field, String code, String message) {

    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
