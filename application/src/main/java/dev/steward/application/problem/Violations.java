package dev.steward.application.problem;

import dev.steward.domain.problem.InvalidValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every invalid field of one command while its domain values are built, so a caller hears about all of
 * them at once. Typical use:
 * <pre>
 * Violations v = new Violations();
 * ClientName name = v.attempt(() -> ClientName.trimmed(command.name()));
 * Slug slug = v.attempt(() -> Slug.of(command.slug()));
 * v.throwIfAny();
 * </pre>
 */
public final class Violations {

    private final List<FieldViolation> found = new ArrayList<>();

    public Violations() {
    }

    public Violations(List<FieldViolation> initial) {
        found.addAll(initial);
    }

    /** Builds a value; an {@link InvalidValue} is recorded (unless its field already failed) and null returned. */
    public <T> T attempt(Supplier<T> build) {
        return attempt(null, build);
    }

    /**
     * As {@link #attempt(Supplier)}, but reports the violation under the command's own field name when it differs
     * from the value type's (a {@code Slug} used as the paging cursor {@code after}, an {@code MspName} typed as
     * {@code name}), so that the caller is told which of its inputs is wrong.
     */
    public <T> T attempt(String field, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidValue e) {
            String name = field == null ? e.field() : field;
            String code = name + e.code().substring(e.field().length());
            if (found.stream().noneMatch(v -> v.field().equals(name))) {
                found.add(new FieldViolation(name, code, e.rule()));
            }
            return null;
        }
    }

    public void add(FieldViolation violation) {
        found.add(violation);
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidCommand(found);
        }
    }
}
