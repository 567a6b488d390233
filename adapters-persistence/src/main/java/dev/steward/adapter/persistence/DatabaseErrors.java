package dev.steward.adapter.persistence;

import dev.steward.application.problem.PortFailure;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;

/**
 * Translates database failures into {@link PortFailure} at the adapter edge. Retryable: the server is unreachable or
 * restarting, the pool timed out, a serialization failure or deadlock. Everything else is permanent (a bug or a
 * broken constraint), reported with PostgreSQL's message, which never contains bound values' secrets.
 */
final class DatabaseErrors {

    static final String PORT = "database";
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

    static PortFailure translate(JdbiException e) {
        SQLException sql = sqlCause(e);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        boolean retryable = e instanceof ConnectionException || sql instanceof SQLTransientException
                || state.startsWith("08") || state.startsWith("53") || RETRYABLE_STATES.contains(state);
        String message = sql == null ? e.getMessage() : sql.getMessage();
        return retryable
                ? PortFailure.retryable(PORT, "the database is unavailable, try again: " + message, e)
                : PortFailure.permanent(PORT, "the database refused the operation: " + message, e);
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
