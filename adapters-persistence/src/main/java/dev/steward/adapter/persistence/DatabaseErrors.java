package dev.steward.adapter.persistence;

import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.PortFailure;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates database failures at the adapter edge. A data exception (SQL state class 22: a value the column cannot
 * keep, a byte sequence PostgreSQL refuses) is caused by input that got past the edge checks, so it is an
 * {@link InvalidCommand}, not a failure of ours. Everything else is a {@link PortFailure}: retryable when the server is
 * unreachable or restarting, the pool timed out, a serialization failure or deadlock; permanent otherwise (a bug or a
 * broken constraint). PostgreSQL's own text never goes into what a caller sees (it can quote values and names of the
 * schema); it is logged here, with the SQL state, for whoever runs the installation.
 */
final class DatabaseErrors {

    static final String PORT = "database";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseErrors.class);
    private static final Set<String> RETRYABLE_STATES = Set.of("40001", "40P01", "57P01", "57P02", "57P03");

    private DatabaseErrors() {
    }

    static <T> T translated(Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            throw translate(e);
        }
    }

    static RuntimeException translate(JdbiException e) {
        SQLException sql = sqlCause(e);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.startsWith("22")) {
            LOG.warn("the database refused a value (SQL state {}); the edge checks should have caught it", state);
            return new InvalidCommand(List.of(new FieldViolation("request", "request.unstorable",
                    "holds a value that cannot be stored (too long, or characters the store refuses)")));
        }
        boolean retryable = e instanceof ConnectionException || sql instanceof SQLTransientException
                || state.startsWith("08") || state.startsWith("53") || RETRYABLE_STATES.contains(state);
        LOG.warn("database failure (SQL state {}, {}): {}", state.isEmpty() ? "none" : state,
                retryable ? "retryable" : "permanent", sql == null ? e.getMessage() : sql.getMessage());
        return retryable
                ? PortFailure.retryable(PORT, "the database is unavailable; try again", e)
                : PortFailure.permanent(PORT, "the database refused the operation (SQL state " + state + ")", e);
    }

    /** The SQLSTATE of the failure's SQL cause, or "" when it has none. */
    static String stateOf(Throwable e) {
        SQLException sql = sqlCause(e);
        return sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
