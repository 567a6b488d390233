package dev.steward.application.problem;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a command's shape (present, size) with jakarta.validation at the use-case boundary. The domain values
 * built afterwards check the finer rules; {@link Violations} merges both.
 */
public final class CommandValidator {

    private final Validator validator;

    @Inject
    public CommandValidator(Validator validator) {
        this.validator = validator;
    }

    /** Starts a {@link Violations} with the command's constraint violations (sorted by field, stable for callers). */
    public Violations check(Object command) {
        List<FieldViolation> violations = validator.validate(command).stream()
                .map(CommandValidator::toFieldViolation)
                .sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::code))
                .toList();
        return new Violations(violations);
    }

    private static FieldViolation toFieldViolation(ConstraintViolation<?> v) {
        String field = v.getPropertyPath().toString();
        String constraint = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return new FieldViolation(field, field + "." + kebab(constraint), v.getMessage());
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
