package dev.steward.adapter.persistence;

import static dev.steward.adapter.persistence.Columns.ts;

import dev.steward.application.port.store.IdempotencyRecords;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;

/**
 * Idempotency records in PostgreSQL. The claim is an insert in the caller's transaction: a concurrent claim of the
 * same key blocks on the uncommitted row until that transaction commits (it then reads the answer) or rolls back (it
 * then inserts the row itself). The wait is bounded by a transaction-local {@code lock_timeout}.
 */
public final class JdbiIdempotencyRecords implements IdempotencyRecords {

    private final JdbiUnitOfWork db;

    @Inject
    public JdbiIdempotencyRecords(JdbiUnitOfWork db) {
        this.db = db;
    }

    @Override
    public Claim claim(MspId msp, String key, byte[] fingerprint, Instant now) {
        db.requireTransaction("IdempotencyRecords.claim");
        return db.withHandle(h -> {
            h.execute("set local lock_timeout = '" + WAIT.toMillis() + "ms'");
            boolean claimed;
            try {
                // a row without an answer was left by an older version, whose claim committed on its own: take it
                claimed = h.createQuery("""
                                insert into idempotency_keys (msp_id, key, fingerprint, claimed_at)
                                values (:msp, :key, :fingerprint, :now)
                                on conflict (msp_id, key) do update
                                    set fingerprint = excluded.fingerprint, claimed_at = excluded.claimed_at
                                    where idempotency_keys.status is null
                                returning 1""")
                        .bind("msp", msp.value()).bind("key", key).bind("fingerprint", fingerprint)
                        .bind("now", ts(now))
                        .mapTo(Integer.class).findOne().isPresent();
            } catch (RuntimeException e) {
                if (DatabaseErrors.stateOf(e).equals("55P03")) {
                    throw PortFailure.retryable(PORT, "a request with this key is still running", e);
                }
                throw e;
            }
            h.execute("set local lock_timeout to default");
            if (claimed) {
                return new Claim.Claimed();
            }
            return h.createQuery("select fingerprint, status, " + Columns.jsonMap("headers")
                            + ", content_type, body from idempotency_keys where msp_id = :msp and key = :key")
                    .bind("msp", msp.value()).bind("key", key)
                    .map((rs, ctx) -> (Claim) new Claim.Taken(rs.getBytes("fingerprint"),
                            new Answer(rs.getInt("status"), rs.getString("headers_keys") == null ? Map.of()
                                    : Columns.map(rs, "headers"), rs.getString("content_type"), rs.getBytes("body"))))
                    .one();
        });
    }

    @Override
    public void complete(MspId msp, String key, Answer answer) {
        db.withHandle(h -> h.createUpdate("""
                        update idempotency_keys set status = :status, headers = :headers::jsonb,
                               content_type = :contentType, body = :body
                        where msp_id = :msp and key = :key""")
                .bind("status", answer.status()).bindByType("headers", answer.headers(), Columns.JSON_OBJECT)
                .bind("contentType", answer.contentType()).bind("body", answer.body())
                .bind("msp", msp.value()).bind("key", key)
                .execute());
    }

    @Override
    public int purgeOlderThan(Instant cutoff) {
        return db.withHandle(h -> h.createUpdate("delete from idempotency_keys where claimed_at < :cutoff")
                .bind("cutoff", ts(cutoff)).execute());
    }
}
