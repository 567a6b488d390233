package dev.steward.adapter.web.problem;

/** One entry of a problem's {@code errors} member: the input at fault, a stable code, and what is wrong. */
public record FieldError(String field, String code, String message) {
}
