package dev.steward.adapter.persistence;

import static dev.steward.adapter.persistence.Columns.instant;
import static dev.steward.adapter.persistence.Columns.optionalInstant;
import static dev.steward.adapter.persistence.Columns.ts;

import dev.steward.application.port.access.OperatorRepository;
import dev.steward.application.problem.Conflict;
import dev.steward.domain.operator.Operator;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Operators in PostgreSQL, found by the unique hash of their credential's secret. */
public final class JdbiOperatorRepository implements OperatorRepository {

    private final JdbiUnitOfWork db;

    @Inject
    public JdbiOperatorRepository(JdbiUnitOfWork db) {
        this.db = db;
    }

    @Override
    public void add(Operator operator, String secretHash) {
        int inserted = db.withHandle(h -> h.createUpdate("""
                        insert into operators (id, name, secret_hash, created_at, revoked_at)
                        values (:id, :name, :hash, :createdAt, :revokedAt)
                        on conflict do nothing""")
                .bind("id", operator.id())
                .bind("name", operator.name())
                .bind("hash", secretHash)
                .bind("createdAt", ts(operator.createdAt()))
                .bind("revokedAt", operator.revokedAt().map(Columns::ts).orElse(null))
                .execute());
        if (inserted == 0) {
            throw Conflict.of("operator.exists", "this operator or credential exists already");
        }
    }

    @Override
    public Optional<Operator> findActive(String secretHash) {
        return db.read(h -> h.createQuery("select * from operators where secret_hash = :hash and revoked_at is null")
                .bind("hash", secretHash).map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public List<Operator> list() {
        return db.read(h -> h.createQuery("select * from operators order by created_at, id")
                .map((rs, ctx) -> map(rs)).list());
    }

    private static Operator map(ResultSet rs) throws SQLException {
        return new Operator(rs.getObject("id", UUID.class), rs.getString("name"), instant(rs, "created_at"),
                optionalInstant(rs, "revoked_at"));
    }
}
