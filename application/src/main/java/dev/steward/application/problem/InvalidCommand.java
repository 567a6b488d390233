package dev.steward.application.problem;

import java.util.List;
import java.util.stream.Collectors;

/** A command that breaks one or more input rules. Lists every violated field, not only the first. */
public final class InvalidCommand extends ApplicationException {

    private final List<FieldViolation> violations;

    public InvalidCommand(List<FieldViolation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")), null);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid command has at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
