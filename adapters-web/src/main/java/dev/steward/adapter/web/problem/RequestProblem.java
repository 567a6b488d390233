package dev.steward.adapter.web.problem;

import java.util.List;
import java.util.Map;

/**
 * A request the web adapter refuses before any use case runs: no or malformed JSON, a wrong JSON type, an unknown
 * field, a wrong content type, an unusable query parameter or header. Carries the finished {@link Problem}.
 */
public final class RequestProblem extends RuntimeException {

    private final transient Problem problem;

    public RequestProblem(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** 400: the body is not JSON at all (or is empty). */
    public static RequestProblem malformedBody(String code, String detail) {
        return new RequestProblem(Problem.of(400, "Malformed request body", code, detail));
    }

    /** 422 naming one field (a body member, a query parameter or a header). */
    public static RequestProblem invalidField(String field, String code, String message) {
        return new RequestProblem(Problem.invalid(List.of(new FieldError(field, code, message))));
    }

    /** 415: the body is not sent as {@code application/json}. */
    public static RequestProblem unsupportedMediaType(String actual) {
        return new RequestProblem(new Problem(415, "Unsupported media type", "request.unsupported-media-type",
                "send the body as application/json (got " + (actual == null ? "no Content-Type" : "'" + actual + "'")
                        + ")", List.of(), Map.of("Accept", "application/json")));
    }
}
