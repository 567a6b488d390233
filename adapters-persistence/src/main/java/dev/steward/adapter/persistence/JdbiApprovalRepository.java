package dev.steward.adapter.persistence;

import static dev.steward.adapter.persistence.Columns.ts;

import dev.steward.application.port.agent.ApprovalRepository;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.approval.ApprovalState;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Approval requests in PostgreSQL. A decision is an {@code UPDATE … WHERE state = 'pending'}: of two technicians
 * deciding at once, the second finds no pending row and gets a {@code Conflict}. The call's original arguments are
 * sealed with the integration secrets' key ({@link SecretCipher}, the approval's id as associated data); the
 * {@code arguments} column only ever holds the redacted copy.
 */
public final class JdbiApprovalRepository implements ApprovalRepository {

    private static final String SELECT = "select *, " + Columns.jsonMap("arguments") + " from approvals";

    private final JdbiUnitOfWork db;
    private final SecretCipher cipher;

    @Inject
    JdbiApprovalRepository(JdbiUnitOfWork db, SecretCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    @Override
    public void add(ApprovalRequest request, Map<String, String> original) {
        if (!request.isPending()) {
            throw new IllegalArgumentException("a new approval request is pending");
        }
        db.withHandle(h -> {
            int inserted = h.createUpdate("""
                            insert into approvals (id, msp_id, client_id, session_id, ticket, tool, arguments, plan,
                                                   requested_at, state, sealed_arguments, arguments_key_id)
                            values (:id, :msp, :client, :session, :ticket, :tool, :arguments::jsonb, :plan,
                                    :requestedAt, 'pending', :sealed, :keyId)
                            on conflict do nothing""")
                    .bind("id", request.id())
                    .bind("msp", request.msp().value())
                    .bind("client", request.client().value())
                    .bind("session", request.session())
                    .bind("ticket", request.ticket())
                    .bind("tool", request.tool().value())
                    .bindByType("arguments", request.arguments().values(), Columns.JSON_OBJECT)
                    .bind("plan", request.plan())
                    .bind("requestedAt", ts(request.requestedAt()))
                    .bind("sealed", cipher.encrypt(SealedArguments.encode(original), associatedData(request.id())))
                    .bind("keyId", cipher.keyId())
                    .execute();
            if (inserted == 0) {
                throw Conflict.of("approval.exists", "approval request " + request.id() + " already exists");
            }
            return null;
        });
    }

    @Override
    public Optional<ApprovalRequest> find(MspId msp, UUID id) {
        return db.read(h -> find(h, msp, id));
    }

    private static Optional<ApprovalRequest> find(Handle h, MspId msp, UUID id) {
        return h.createQuery(SELECT + " where id = :id and msp_id = :msp").bind("id", id).bind("msp", msp.value())
                .map(JdbiApprovalRepository::map).findOne();
    }

    @Override
    public Optional<Map<String, String>> arguments(MspId msp, UUID id) {
        record Sealed(byte[] ciphertext, String keyId) {}
        return db.read(h -> h.createQuery("""
                        select sealed_arguments, arguments_key_id from approvals
                        where id = :id and msp_id = :msp and sealed_arguments is not null""")
                .bind("id", id).bind("msp", msp.value())
                .map((rs, ctx) -> new Sealed(rs.getBytes("sealed_arguments"), rs.getString("arguments_key_id")))
                .findOne())
                .map(sealed -> {
                    if (!sealed.keyId().equals(cipher.keyId())) {
                        throw PortFailure.permanent("secret vault", "the arguments of approval " + id
                                + " were sealed with key " + sealed.keyId() + ", but this control plane has key "
                                + cipher.keyId(), null);
                    }
                    return SealedArguments.decode(cipher.decrypt(sealed.ciphertext(), associatedData(id)));
                });
    }

    private static String associatedData(UUID approval) {
        return "approval:" + approval;
    }

    @Override
    public List<ApprovalRequest> ofSession(MspId msp, UUID session) {
        return db.read(h -> h.createQuery(SELECT + " where msp_id = :msp and session_id = :session"
                        + " order by requested_at, id")
                .bind("msp", msp.value()).bind("session", session)
                .map(JdbiApprovalRepository::map).list());
    }

    @Override
    public List<ApprovalRequest> pendingRequestedBefore(Instant cutoff, int limit) {
        return db.read(h -> h.createQuery(SELECT + " where state = 'pending' and requested_at <= :cutoff"
                        + " order by requested_at, id limit :limit")
                .bind("cutoff", ts(cutoff)).bind("limit", limit)
                .map(JdbiApprovalRepository::map).list());
    }

    @Override
    public List<ApprovalRequest> pending(MspId msp, Optional<ClientId> client) {
        String sql = SELECT + " where msp_id = :msp and state = 'pending'"
                + (client.isPresent() ? " and client_id = :client" : "") + " order by requested_at, id";
        return db.read(h -> {
            Query select = h.createQuery(sql).bind("msp", msp.value());
            client.ifPresent(c -> select.bind("client", c.value()));
            return select.map(JdbiApprovalRepository::map).list();
        });
    }

    @Override
    public ApprovalRequest decide(ApprovalRequest decided) {
        record Decision(String state, String by, Instant at, String reason) {}
        Decision decision = switch (decided.state()) {
            case ApprovalState.Approved a -> new Decision("approved", a.by(), a.at(), a.reason());
            case ApprovalState.Denied d -> new Decision("denied", d.by(), d.at(), d.reason());
            case ApprovalState.Expired e -> new Decision("expired", ApprovalRequest.EXPIRY, e.at(), e.reason());
            case ApprovalState.Pending p -> throw new IllegalArgumentException("a decision approves or denies");
        };
        return db.withHandle(h -> {
            int updated = h.createUpdate("""
                            update approvals set state = :state, decided_by = :by, decided_at = :at,
                                   decision_reason = :reason
                            where id = :id and msp_id = :msp and state = 'pending'""")
                    .bind("state", decision.state())
                    .bind("by", decision.by())
                    .bind("at", ts(decision.at()))
                    .bind("reason", decision.reason())
                    .bind("id", decided.id())
                    .bind("msp", decided.msp().value())
                    .execute();
            if (updated == 0) {
                if (find(h, decided.msp(), decided.id()).isEmpty()) {
                    throw new NotFound("approval", decided.id().toString());
                }
                throw Conflict.of("approval.already-decided", "this approval request was already decided");
            }
            return decided;
        });
    }

    private static ApprovalRequest map(ResultSet rs, StatementContext ctx) throws SQLException {
        String by = rs.getString("decided_by");
        Instant at = Columns.instant(rs, "decided_at");
        String reason = rs.getString("decision_reason");
        ApprovalState state = switch (rs.getString("state")) {
            case "approved" -> new ApprovalState.Approved(by, at, reason);
            case "denied" -> new ApprovalState.Denied(by, at, reason);
            case "expired" -> new ApprovalState.Expired(at, reason);
            default -> new ApprovalState.Pending();
        };
        return new ApprovalRequest(Columns.uuid(rs, "id"), new MspId(Columns.uuid(rs, "msp_id")),
                new ClientId(Columns.uuid(rs, "client_id")), Columns.uuid(rs, "session_id"), rs.getString("ticket"),
                ToolName.of(rs.getString("tool")), new RedactedArguments(Columns.map(rs, "arguments")),
                rs.getString("plan"), Columns.instant(rs, "requested_at"), state);
    }
}
