package dev.steward.adapter.persistence;

import static dev.steward.adapter.persistence.Columns.ts;

import dev.steward.application.port.verification.IdentityVerifications;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.verification.IdentityVerification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Identity verifications in PostgreSQL ({@code V22__identity_verifications.sql}), one row per attempt. */
public final class JdbiIdentityVerifications implements IdentityVerifications {

    private final JdbiUnitOfWork db;

    @Inject
    public JdbiIdentityVerifications(JdbiUnitOfWork db) {
        this.db = db;
    }

    @Override
    public void record(IdentityVerification v) {
        db.withHandle(h -> h.createUpdate("""
                        insert into identity_verifications (id, msp_id, client_id, session_id, requester, method,
                                                            result, by_whom, at)
                        values (:id, :msp, :client, :session, :requester, :method, :result, :by, :at)""")
                .bind("id", v.id()).bind("msp", v.msp().value()).bind("client", v.client().value())
                .bind("session", v.session()).bind("requester", v.requester())
                .bind("method", v.method().name().toLowerCase(Locale.ROOT))
                .bind("result", v.result().name().toLowerCase(Locale.ROOT)).bind("by", v.by())
                .bind("at", ts(v.at())).execute());
    }

    @Override
    public List<IdentityVerification> ofSession(MspId msp, UUID session) {
        return db.read(h -> h.createQuery("""
                        select * from identity_verifications where msp_id = :msp and session_id = :session
                        order by at, id""")
                .bind("msp", msp.value()).bind("session", session)
                .map((rs, ctx) -> new IdentityVerification(Columns.uuid(rs, "id"),
                        new MspId(Columns.uuid(rs, "msp_id")), new ClientId(Columns.uuid(rs, "client_id")),
                        Columns.uuid(rs, "session_id"), rs.getString("requester"),
                        IdentityVerification.Method.valueOf(rs.getString("method").toUpperCase(Locale.ROOT)),
                        IdentityVerification.Result.valueOf(rs.getString("result").toUpperCase(Locale.ROOT)),
                        rs.getString("by_whom"), Columns.instant(rs, "at")))
                .list());
    }
}
