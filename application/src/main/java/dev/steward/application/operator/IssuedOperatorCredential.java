package dev.steward.application.operator;

import dev.steward.domain.operator.Operator;

/** An operator credential just created: its secret is in this answer and nowhere else, ever. */
public record IssuedOperatorCredential(Operator operator, String secret) {

    @Override
    public String toString() {
        return "IssuedOperatorCredential[" + operator + "]";
    }
}
