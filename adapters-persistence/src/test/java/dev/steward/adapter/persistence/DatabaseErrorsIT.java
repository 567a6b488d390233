package dev.steward.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.PortFailure;
import org.junit.jupiter.api.Test;

/**
 * The review's finding: PostgreSQL's own error text reached callers in a 503. A value the database refuses is now an
 * input error without its text, and other failures say only the SQL state.
 */
class DatabaseErrorsIT {

    private final JdbiUnitOfWork db = TestDatabase.stores().unitOfWork();

    @Test
    void aValueTheDatabaseRefusesIsAnInputErrorWithoutTheDatabasesText() {
        assertThatThrownBy(() -> db.read(h -> h.createQuery("select :value::text").bind("value", "a\u0000b")
                .mapTo(String.class).one()))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> org.assertj.core.api.Assertions.assertThat(
                        e.violations()).extracting(v -> v.code()).containsExactly("request.unstorable"))
                .hasMessageNotContaining("0x00").hasMessageNotContaining("UTF8").hasMessageNotContaining("byte");
        assertThatThrownBy(() -> db.read(h -> h.createQuery("select 'abc'::varchar(2)::int").mapTo(Integer.class)
                .one())).isInstanceOf(InvalidCommand.class).hasMessageNotContaining("abc");
    }

    @Test
    void anyOtherFailureNamesOnlyTheSqlState() {
        assertThatThrownBy(() -> db.read(h -> h.createQuery("select secret_column from no_such_table")
                .mapTo(String.class).one()))
                .isInstanceOfSatisfying(PortFailure.class, e -> org.assertj.core.api.Assertions.assertThat(
                        e.retryable()).isFalse())
                .hasMessageContaining("42P01").hasMessageNotContaining("no_such_table")
                .hasMessageNotContaining("secret_column");
    }
}
