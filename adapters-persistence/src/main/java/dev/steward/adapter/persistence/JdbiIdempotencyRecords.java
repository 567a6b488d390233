package dev.steward.adapter.persistence;

import static dev.steward.adapter.persistence.Columns.ts;

import dev.steward.application.port.IdempotencyRecords;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/** Idempotency records in PostgreSQL; the primary key (msp, key) decides which of two concurrent claims wins. */
public final class JdbiIdempotencyRecords implements IdempotencyRecords {

    private final JdbiUnitOfWork db;

    @Inject
    public JdbiIdempotencyRecords(JdbiUnitOfWork db) {
        this.db = db;
    }

    @Override
    public Claim claim(MspId msp, String key, byte[] fingerprint, Instant now, Instant abandonedBefore) {
        // a claim released or purged between the two statements makes the read find nothing: then claim again
        for (int attempt = 0; ; attempt++) {
            boolean claimed = db.withHandle(h -> h.createQuery("""
                            insert into idempotency_keys (msp_id, key, fingerprint, claimed_at)
                            values (:msp, :key, :fingerprint, :now)
                            on conflict (msp_id, key) do update
                                set fingerprint = excluded.fingerprint, claimed_at = excluded.claimed_at
                                where idempotency_keys.status is null
                                  and idempotency_keys.claimed_at < :abandonedBefore
                            returning 1""")
                    .bind("msp", msp.value()).bind("key", key).bind("fingerprint", fingerprint)
                    .bind("now", ts(now)).bind("abandonedBefore", ts(abandonedBefore))
                    .mapTo(Integer.class).findOne().isPresent());
            if (claimed) {
                return new Claim.Claimed();
            }
            Optional<Claim> taken = db.read(h -> h.createQuery("select fingerprint, status, "
                            + Columns.jsonMap("headers") + ", content_type, body from idempotency_keys "
                            + "where msp_id = :msp and key = :key")
                    .bind("msp", msp.value()).bind("key", key)
                    .map((rs, ctx) -> (Claim) new Claim.Taken(rs.getBytes("fingerprint"),
                            rs.getObject("status") == null ? Optional.empty()
                                    : Optional.of(new Answer(rs.getInt("status"),
                                            rs.getString("headers_keys") == null ? java.util.Map.of()
                                                    : Columns.map(rs, "headers"),
                                            rs.getString("content_type"), rs.getBytes("body")))))
                    .findOne());
            if (taken.isPresent() || attempt >= 3) {
                return taken.orElseThrow(() -> new IllegalStateException("idempotency key " + key
                        + " keeps changing under this claim"));
            }
        }
    }

    @Override
    public void complete(MspId msp, String key, Answer answer) {
        db.withHandle(h -> h.createUpdate("""
                        update idempotency_keys set status = :status, headers = :headers::jsonb,
                               content_type = :contentType, body = :body
                        where msp_id = :msp and key = :key""")
                .bind("status", answer.status()).bind("headers", JsonObjects.of(answer.headers()))
                .bind("contentType", answer.contentType()).bind("body", answer.body())
                .bind("msp", msp.value()).bind("key", key)
                .execute());
    }

    @Override
    public void release(MspId msp, String key) {
        db.withHandle(h -> h.createUpdate("delete from idempotency_keys where msp_id = :msp and key = :key "
                        + "and status is null")
                .bind("msp", msp.value()).bind("key", key).execute());
    }

    @Override
    public int purgeOlderThan(Instant cutoff) {
        return db.withHandle(h -> h.createUpdate("delete from idempotency_keys where claimed_at < :cutoff")
                .bind("cutoff", ts(cutoff)).execute());
    }
}
