package dev.steward.adapter.web.problem;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem before it is written: HTTP status, short title, stable {@code code} (the suffix of the problem
 * {@code type}), a human-readable detail, the field errors, and extra response headers (e.g. {@code Retry-After}).
 */
public record Problem(int status, String title, String code, String detail, List<FieldError> errors,
                      Map<String, String> headers) {

    public Problem {
        errors = List.copyOf(errors);
        headers = Map.copyOf(headers);
    }

    public static Problem of(int status, String title, String code, String detail) {
        return new Problem(status, title, code, detail, List.of(), Map.of());
    }

    /** 422: the request was understood but these fields are not acceptable. */
    public static Problem invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.getFirst().field() + " " + errors.getFirst().message()
                : errors.size() + " fields are invalid";
        return new Problem(422, "Invalid input", errors.size() == 1 ? errors.getFirst().code() : "input.invalid",
                detail, errors, Map.of());
    }
}
