package dev.steward.adapter.docker;

import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import dev.steward.application.problem.PortFailure;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The adapter's edge: runs one engine call and turns docker-java's exceptions into {@link PortFailure}, so nothing
 * outside this package sees a docker-java type. Retryable: engine unreachable, no such image (it may be built or
 * loaded later), conflicts with a concurrent call, engine-side errors (out of memory, no room). Permanent: a request
 * the engine refuses as malformed, or any other client error.
 */
final class EngineCalls {

    static final String PORT = "agent-runtime";

    private final String host;

    EngineCalls(String host) {
        this.host = host;
    }

    <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (NotModifiedException e) {
            throw e; // "already started/stopped": the callers that expect it catch it themselves
        } catch (RuntimeException e) {
            throw translate(what, e);
        }
    }

    void run(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }

    /** Like {@link #call}, but "no such container/service" is an answer (empty), not a failure. */
    <T> Optional<T> find(String what, Supplier<T> call) {
        try {
            return Optional.ofNullable(call(what, call));
        } catch (PortFailure e) {
            if (e.getCause() instanceof NotFoundException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Runs a removal; an absent object (already gone) or one already being removed counts as success. */
    void remove(String what, Runnable call) {
        try {
            call.run();
        } catch (NotFoundException e) {
            // already gone: removal is idempotent
        } catch (ConflictException e) {
            if (!String.valueOf(e.getMessage()).contains("already in progress")) {
                throw translate(what, e);
            }
        } catch (RuntimeException e) {
            throw translate(what, e);
        }
    }

    PortFailure translate(String what, RuntimeException e) {
        String message = what + " failed: " + engineMessage(e);
        if (e instanceof BadRequestException) {
            return PortFailure.permanent(PORT, message, e);
        }
        if (e instanceof NotFoundException) {
            String text = String.valueOf(e.getMessage());
            return text.contains("image") ? PortFailure.retryable(PORT, message + " (build or load the agent image)", e)
                    : PortFailure.retryable(PORT, message, e);
        }
        if (e instanceof ConflictException) {
            return PortFailure.retryable(PORT, message, e);
        }
        if (e instanceof DockerException docker) {
            return docker.getHttpStatus() >= 500 ? PortFailure.retryable(PORT, message, e)
                    : PortFailure.permanent(PORT, message, e);
        }
        if (causedByIo(e)) {
            return PortFailure.retryable(PORT, what + " failed: Docker engine unreachable at " + host + " ("
                    + rootMessage(e) + ")", e);
        }
        return PortFailure.permanent(PORT, message, e);
    }

    private static boolean causedByIo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** docker-java wraps the engine's JSON ({"message":"..."}); keep the engine's words. */
    private static String engineMessage(RuntimeException e) {
        String text = String.valueOf(e.getMessage()).strip();
        int at = text.indexOf("\"message\":\"");
        if (at >= 0) {
            int from = at + "\"message\":\"".length();
            int to = text.indexOf('"', from);
            return to > from ? text.substring(from, to) : text.substring(from);
        }
        return text;
    }
}
