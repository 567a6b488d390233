package dev.steward.domain.problem;

/** A value that breaks its type's rule; names the field and the rule. */
public final class InvalidValue extends DomainException {

    private final String field;
    private final String rule;

    private InvalidValue(String field, String code, String rule) {
        super(code, field + " " + rule);
        this.field = field;
        this.rule = rule;
    }

    /** @param field the input field, e.g. {@code slug}; @param rule what is wrong, e.g. {@code is required} */
    public static InvalidValue of(String field, String rule) {
        return new InvalidValue(field, field + ".invalid", rule);
    }

    public static InvalidValue of(String field, String codeSuffix, String rule) {
        return new InvalidValue(field, field + "." + codeSuffix, rule);
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
