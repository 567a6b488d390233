package dev.steward.adapter.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.application.problem.ApplicationException;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.Forbidden;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.NotSignedIn;
import dev.steward.application.problem.TooManyAttempts;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.problem.ApprovalNotAllowed;
import dev.steward.domain.problem.DeletionNotConfirmed;
import dev.steward.domain.problem.DomainException;
import dev.steward.domain.problem.IllegalTransition;
import dev.steward.domain.problem.InvalidValue;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one translation of errors into RFC 9457 {@code application/problem+json} responses. Domain and application
 * errors are sealed hierarchies and are switched over exhaustively, so a new error case does not compile until it is
 * mapped here. Anything unexpected becomes a 500 without internals (logged with a reference the caller is shown).
 *
 * <p>Body: {@code type} ({@code urn:steward:problem:<code>}), {@code title}, {@code status}, {@code detail},
 * {@code instance} (the request path), {@code code}, and {@code errors: [{field, code, message}]} for input errors.
 */
public final class ProblemMapper {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    private final ObjectMapper json;

    @Inject
    public ProblemMapper(ObjectMapper json) {
        this.json = json;
    }

    /** Writes {@code problem} as the response. */
    public void write(Context ctx, Problem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:steward:problem:" + problem.code());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("instance", ctx.path());
        body.put("code", problem.code());
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors());
        }
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            LOG.error("could not write a problem body", e);
            bytes = ("{\"status\":" + problem.status() + "}").getBytes(StandardCharsets.UTF_8);
        }
        problem.headers().forEach(ctx::header);
        ctx.status(problem.status()).contentType(CONTENT_TYPE).result(bytes);
    }

    /** The problem an error stands for (an unexpected one is logged here, with the reference it is given). */
    public Problem toProblem(Throwable error, Context ctx) {
        return switch (error) {
            case DomainException e -> fromDomain(e);
            case ApplicationException e -> fromApplication(e, ctx);
            case RequestProblem e -> e.problem();
            case HttpResponseException e -> fromHttp(e);
            default -> unexpected(error, ctx);
        };
    }

    static Problem fromDomain(DomainException error) {
        return switch (error) {
            case InvalidValue e -> Problem.invalid(List.of(new FieldError(e.field(), e.code(), e.rule())));
            case IllegalTransition e -> Problem.of(409, "Status change not allowed", e.code(), e.getMessage());
            case DeletionNotConfirmed e -> Problem.invalid(List.of(new FieldError("confirmName", e.code(),
                    e.getMessage())));
            case ApprovalNotAllowed e -> "approval.role".equals(e.code())
                    ? Problem.of(403, "Not allowed", e.code(), e.getMessage())
                    : Problem.of(409, "Approval already decided", e.code(), e.getMessage());
        };
    }

    static Problem fromApplication(ApplicationException error, Context ctx) {
        return switch (error) {
            case InvalidCommand e -> Problem.invalid(e.violations().stream()
                    .map(v -> new FieldError(v.field(), v.code(), v.message()))
                    .toList());
            case NotFound e -> Problem.of(404, "Not found", e.kind() + ".not-found", e.getMessage());
            case Conflict e -> conflict(e, ctx);
            case Forbidden e -> Problem.of(403, "Forbidden", "role.forbidden", e.getMessage());
            case NotSignedIn e -> new Problem(401, "Unauthorized", "sign-in.required", e.getMessage(), List.of(),
                    Map.of("WWW-Authenticate", "Bearer realm=\"steward\""));
            case TooManyAttempts e -> new Problem(429, "Too many requests", "sign-in.throttled", e.getMessage(),
                    List.of(), Map.of("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds()))));
            case PortFailure e -> new Problem(503, "Service unavailable", "port.unavailable",
                    e.port() + " is not available: " + e.getMessage()
                            + (e.retryable() ? " (try again shortly)" : ""),
                    List.of(), e.retryable() ? Map.of("Retry-After", "5") : Map.of());
        };
    }

    /** A stale version is a failed precondition when the caller sent {@code If-Match} (RFC 9110 §13.1.1). */
    private static Problem conflict(Conflict e, Context ctx) {
        if ("version.stale".equals(e.code()) && ctx.header("If-Match") != null) {
            return Problem.of(412, "Precondition failed", e.code(), e.getMessage());
        }
        List<FieldError> errors = e.field().map(f -> List.of(new FieldError(f, e.code(), e.getMessage())))
                .orElse(List.of());
        return new Problem(409, "Conflict", e.code(), e.getMessage(), errors, Map.of());
    }

    static Problem fromHttp(HttpResponseException e) {
        int status = e.getStatus();
        String title = HttpStatus.forStatus(status).getMessage();
        String code = switch (status) {
            case 404 -> "route.not-found";
            case 405 -> "method.not-allowed";
            case 413 -> "request.too-large";
            default -> "http." + status;
        };
        String detail = switch (status) {
            case 413 -> "the request body is too large";
            default -> e.getMessage() == null || e.getMessage().isBlank() ? title : e.getMessage();
        };
        return Problem.of(status, title, code, detail);
    }

    private static Problem unexpected(Throwable error, Context ctx) {
        String reference = UUID.randomUUID().toString();
        LOG.error("unexpected error on {} {} (reference {})", ctx.method(), ctx.path(), reference, error);
        return Problem.of(500, "Internal server error", "server.unexpected",
                "something went wrong on our side; quote reference " + reference + " when reporting it");
    }
}
