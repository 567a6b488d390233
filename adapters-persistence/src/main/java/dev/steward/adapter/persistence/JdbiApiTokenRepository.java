package dev.steward.adapter.persistence;

import static dev.steward.adapter.persistence.Columns.instant;
import static dev.steward.adapter.persistence.Columns.optionalInstant;
import static dev.steward.adapter.persistence.Columns.ts;

import dev.steward.application.port.access.ApiTokenRepository;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.user.ApiToken;
import dev.steward.domain.user.UserId;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API tokens in PostgreSQL, found by the unique hash of their secret. */
public final class JdbiApiTokenRepository implements ApiTokenRepository {

    private static final String COLUMNS = "id, msp_id, name, last_four, created_at, created_by, role, revoked_at";

    private final JdbiUnitOfWork db;

    @Inject
    public JdbiApiTokenRepository(JdbiUnitOfWork db) {
        this.db = db;
    }

    @Override
    public void add(ApiToken token, String secretHash) {
        db.withHandle(h -> h.createUpdate("""
                        insert into api_tokens (id, msp_id, name, last_four, secret_hash, created_at, created_by,
                                                role, revoked_at)
                        values (:id, :msp, :name, :lastFour, :hash, :createdAt, :createdBy, :role, :revokedAt)""")
                .bind("id", token.id())
                .bind("msp", token.msp().value())
                .bind("name", token.name())
                .bind("lastFour", token.lastFour())
                .bind("hash", secretHash)
                .bind("createdAt", ts(token.createdAt()))
                .bind("createdBy", token.createdBy().value())
                .bind("role", token.role().label())
                .bind("revokedAt", token.revokedAt().map(Columns::ts).orElse(null))
                .execute());
    }

    @Override
    public Optional<ApiToken> findActive(String secretHash) {
        // in a transaction the row is share-locked: a revocation (an update of it) waits until the transaction ends
        return db.read(h -> h.createQuery("select " + COLUMNS
                        + " from api_tokens where secret_hash = :hash and revoked_at is null"
                        + (db.inTransaction() ? " for share" : ""))
                .bind("hash", secretHash).map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public List<ApiToken> list(MspId msp) {
        return db.read(h -> h.createQuery("select " + COLUMNS
                        + " from api_tokens where msp_id = :msp order by created_at desc, id desc")
                .bind("msp", msp.value()).map((rs, ctx) -> map(rs)).list());
    }

    @Override
    public Optional<ApiToken> revoke(MspId msp, UUID id, Instant at) {
        return db.withHandle(h -> h.createQuery("update api_tokens set revoked_at = coalesce(revoked_at, :at) "
                        + "where id = :id and msp_id = :msp returning " + COLUMNS)
                .bind("at", ts(at)).bind("id", id).bind("msp", msp.value())
                .map((rs, ctx) -> map(rs)).findOne());
    }

    private static ApiToken map(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getObject("id", UUID.class), new MspId(rs.getObject("msp_id", UUID.class)),
                rs.getString("name"), rs.getString("last_four"), instant(rs, "created_at"),
                new UserId(rs.getObject("created_by", UUID.class)), UserRole.parse(rs.getString("role")),
                optionalInstant(rs, "revoked_at"));
    }
}
