package dev.steward.adapter.persistence;

import static dev.steward.adapter.persistence.Columns.instant;
import static dev.steward.adapter.persistence.Columns.ts;

import dev.steward.application.port.access.WebSession;
import dev.steward.application.port.access.WebSessionRepository;
import dev.steward.domain.user.UserId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Browser sessions in PostgreSQL, by the hash of their token (primary key: one indexed read per request). */
public final class JdbiWebSessionRepository implements WebSessionRepository {

    private final JdbiUnitOfWork db;

    @Inject
    public JdbiWebSessionRepository(JdbiUnitOfWork db) {
        this.db = db;
    }

    @Override
    public void add(WebSession session) {
        db.withHandle(h -> h.createUpdate("""
                        insert into web_sessions (token_hash, user_id, csrf_token, created_at, expires_at,
                                                  last_seen_at)
                        values (:hash, :user, :csrf, :createdAt, :expiresAt, :lastSeenAt)""")
                .bind("hash", session.tokenHash())
                .bind("user", session.user().value())
                .bind("csrf", session.csrfToken())
                .bind("createdAt", ts(session.createdAt()))
                .bind("expiresAt", ts(session.expiresAt()))
                .bind("lastSeenAt", ts(session.lastSeenAt()))
                .execute());
    }

    @Override
    public Optional<WebSession> find(String tokenHash, Instant now) {
        // in a transaction the row is share-locked: a sign-out (a delete of it) waits until the transaction ends
        return db.read(h -> h.createQuery("select * from web_sessions where token_hash = :hash and expires_at > :now"
                        + (db.inTransaction() ? " for share" : ""))
                .bind("hash", tokenHash)
                .bind("now", ts(now))
                .map((rs, ctx) -> new WebSession(rs.getString("token_hash"),
                        new UserId(rs.getObject("user_id", UUID.class)), rs.getString("csrf_token"),
                        instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "last_seen_at")))
                .findOne());
    }

    @Override
    public void touch(String tokenHash, Instant at) {
        db.withHandle(h -> h.createUpdate("update web_sessions set last_seen_at = greatest(last_seen_at, :at) "
                        + "where token_hash = :hash")
                .bind("hash", tokenHash).bind("at", ts(at)).execute());
    }

    @Override
    public void remove(String tokenHash) {
        db.withHandle(h -> h.createUpdate("delete from web_sessions where token_hash = :hash")
                .bind("hash", tokenHash).execute());
    }

    @Override
    public void removeAllOf(UserId user) {
        db.withHandle(h -> h.createUpdate("delete from web_sessions where user_id = :user")
                .bind("user", user.value()).execute());
    }

    @Override
    public int removeExpired(Instant now) {
        return db.withHandle(h -> h.createUpdate("delete from web_sessions where expires_at <= :now")
                .bind("now", ts(now)).execute());
    }
}
