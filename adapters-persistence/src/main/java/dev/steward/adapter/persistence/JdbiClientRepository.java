package dev.steward.adapter.persistence;

import static dev.steward.adapter.persistence.Columns.ts;

import dev.steward.application.port.client.ClientQuery;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.agent.DeployStatus;
import dev.steward.domain.agent.RetrySchedule;
import dev.steward.domain.agent.StatusChange;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.ClientName;
import dev.steward.domain.client.PsaMapping;
import dev.steward.domain.client.Slug;
import dev.steward.domain.mode.OperatingMode;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.prompt.PromptText;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.statement.Update;

/**
 * Clients in PostgreSQL. The row holds the current state; {@code status_changes} holds the full history, and a
 * loaded client carries its newest {@value Client#RECENT_HISTORY} changes (a lateral subquery, one round trip).
 * Claims are row locks ({@code FOR UPDATE SKIP LOCKED}) held until the unit of work ends.
 */
public final class JdbiClientRepository implements ClientRepository {

    private static final String SELECT = """
            select c.*, h.sequences, h.froms, h.tos, h.ats, h.reasons
            from clients c
            cross join lateral (
                select array_agg(r.sequence order by r.sequence) as sequences,
                       array_agg(r.from_status order by r.sequence) as froms,
                       array_agg(r.to_status order by r.sequence) as tos,
                       array_agg(r.at order by r.sequence) as ats,
                       array_agg(r.reason order by r.sequence) as reasons
                from (select * from status_changes s where s.client_id = c.id
                      order by s.sequence desc limit %d) r
            ) h
            """.formatted(Client.RECENT_HISTORY);

    private static final String UNIQUE_VIOLATION = "23505";

    private static final String INSERT = """
            insert into clients (id, msp_id, name, slug, mode, status, deploy_status, deploy_error, prompt, psa_kind,
                                 psa_company_id, config_version, retry_failures, retry_next_at, status_changed_at,
                                 created_at, version)
            values (:id, :msp, :name, :slug, :mode, :status, :deployStatus, :deployError, :prompt, :psaKind,
                    :psaCompanyId, :configVersion, :retryFailures, :retryNextAt, :statusChangedAt, :createdAt, 1)
            on conflict do nothing
            """;

    private static final String UPDATE = """
            update clients set name = :name, mode = :mode, status = :status, deploy_status = :deployStatus,
                   deploy_error = :deployError, prompt = :prompt, psa_kind = :psaKind, psa_company_id = :psaCompanyId,
                   config_version = :configVersion, retry_failures = :retryFailures, retry_next_at = :retryNextAt,
                   status_changed_at = :statusChangedAt, version = version + 1
            where id = :id and msp_id = :msp and slug = :slug and version = :version
            """;

    private static final String INSERT_CHANGE = """
            insert into status_changes (client_id, sequence, from_status, to_status, at, reason)
            values (:client, :sequence, :from, :to, :at, :reason)
            """;

    private final JdbiUnitOfWork db;

    @Inject
    public JdbiClientRepository(JdbiUnitOfWork db) {
        this.db = db;
    }

    @Override
    public Client add(Client client) {
        return db.withHandle(h -> {
            int inserted = bindState(h.createUpdate(INSERT), client).execute();
            if (inserted == 0) {
                if (find(h, client.msp(), client.slug()).isPresent()) {
                    throw Conflict.slugTaken(client.slug().value());
                }
                Optional<Client> holder = client.psaMapping().flatMap(m -> findByPsaMapping(h, client.msp(), m));
                if (holder.isPresent()) {
                    throw companyTaken(client.psaMapping().orElseThrow(), holder.get());
                }
                throw Conflict.of("client.exists", "a client with id " + client.id() + " already exists");
            }
            insertChanges(h, client.id(), client.recentHistory());
            return client.atVersion(1);
        });
    }

    @Override
    public Optional<Client> find(ClientId id) {
        return db.read(h -> find(h, id));
    }

    private static Optional<Client> find(Handle h, ClientId id) {
        return h.createQuery(SELECT + " where c.id = :id").bind("id", id.value()).map(JdbiClientRepository::map)
                .findOne();
    }

    @Override
    public Optional<Client> find(MspId msp, Slug slug) {
        return db.read(h -> find(h, msp, slug));
    }

    private static Optional<Client> find(Handle h, MspId msp, Slug slug) {
        return h.createQuery(SELECT + " where c.msp_id = :msp and c.slug = :slug")
                .bind("msp", msp.value()).bind("slug", slug.value())
                .map(JdbiClientRepository::map).findOne();
    }

    @Override
    public List<Client> list(ClientQuery query) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where c.msp_id = :msp");
        query.status().ifPresent(s -> sql.append(" and c.status = :status"));
        query.search().ifPresent(s -> sql.append(" and (strpos(c.slug, :needle) > 0 or strpos(lower(c.name), :needle) > 0)"));
        query.after().ifPresent(a -> sql.append(" and c.slug > :after"));
        sql.append(" order by c.slug limit :limit");
        return db.read(h -> {
            Query select = h.createQuery(sql.toString()).bind("msp", query.msp().value()).bind("limit", query.limit());
            query.status().ifPresent(s -> select.bind("status", s.label()));
            query.search().ifPresent(s -> select.bind("needle", s.toLowerCase(Locale.ROOT)));
            query.after().ifPresent(a -> select.bind("after", a.value()));
            return select.map(JdbiClientRepository::map).list();
        });
    }

    /** One indexed lookup ({@code clients_psa_mapping_unique}), not a scan of the MSP's clients. */
    @Override
    public Optional<Client> findByPsaMapping(MspId msp, PsaMapping mapping) {
        return db.read(h -> findByPsaMapping(h, msp, mapping));
    }

    private static Optional<Client> findByPsaMapping(Handle h, MspId msp, PsaMapping mapping) {
        return h.createQuery(SELECT + " where c.msp_id = :msp and c.psa_kind = :kind and c.psa_company_id = :company"
                        + " and c.status <> 'destroyed'")
                .bind("msp", msp.value()).bind("kind", mapping.integrationKind()).bind("company", mapping.companyId())
                .map(JdbiClientRepository::map).findOne();
    }

    private static Conflict companyTaken(PsaMapping mapping, Client holder) {
        return Conflict.onField("psaMapping.taken", "companyId", "company " + mapping.companyId() + " of "
                + mapping.integrationKind() + " is already client '" + holder.slug().value() + "'");
    }

    @Override
    public Client update(Client client) {
        return db.withHandle(h -> {
            int updated;
            try {
                updated = bindState(h.createUpdate(UPDATE), client).bind("version", client.version()).execute();
            } catch (UnableToExecuteStatementException e) {
                // clients_psa_mapping_unique: another live client holds the company (a concurrent mapping won)
                if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                        && client.psaMapping().isPresent()) {
                    PsaMapping mapping = client.psaMapping().get();
                    throw Conflict.onField("psaMapping.taken", "companyId", "company " + mapping.companyId() + " of "
                            + mapping.integrationKind() + " was just mapped to another client");
                }
                throw e;
            }
            if (updated == 0) {
                Optional<Client> stored = find(h, client.id());
                if (stored.isEmpty()) {
                    throw new NotFound("client", client.id().toString());
                }
                if (!stored.get().msp().equals(client.msp()) || !stored.get().slug().equals(client.slug())) {
                    throw new IllegalArgumentException("a client's MSP and slug never change");
                }
                throw Conflict.staleVersion("client " + client.slug(), client.version(), stored.get().version());
            }
            long lastStored = h.createQuery("select max(sequence) from status_changes where client_id = :id")
                    .bind("id", client.id().value()).mapTo(Long.class).one();
            List<StatusChange> appended = client.recentHistory().stream()
                    .filter(c -> c.sequence() > lastStored).toList();
            if (!appended.isEmpty() && appended.getFirst().sequence() != lastStored + 1) {
                throw new IllegalArgumentException("status changes between " + lastStored + " and "
                        + appended.getFirst().sequence() + " were never stored");
            }
            insertChanges(h, client.id(), appended);
            return client.atVersion(client.version() + 1);
        });
    }

    @Override
    public List<StatusChange> history(ClientId id) {
        return db.read(h -> h.createQuery("""
                        select sequence, from_status, to_status, at, reason from status_changes
                        where client_id = :id order by sequence""")
                .bind("id", id.value())
                .map((rs, ctx) -> new StatusChange(rs.getLong("sequence"),
                        Optional.ofNullable(rs.getString("from_status")).map(JdbiClientRepository::status),
                        status(rs.getString("to_status")), Columns.instant(rs, "at"), rs.getString("reason")))
                .list());
    }

    @Override
    public List<ClientId> dueForReconciliation(Instant now, int limit) {
        // Client.isDueForReconciliation in SQL; ClientRepositoryContract checks that both agree
        return db.read(h -> h.createQuery("""
                        select id from clients
                        where status in ('creating', 'provisioning', 'pending', 'error')
                          and (status in ('creating', 'provisioning') or retry_next_at is null or retry_next_at <= :now)
                        order by status_changed_at, id
                        limit :limit""")
                .bind("now", ts(now)).bind("limit", limit)
                .map((rs, ctx) -> new ClientId(Columns.uuid(rs, "id"))).list());
    }

    @Override
    public List<Client> listLive(Optional<ClientId> after, int limit) {
        String sql = SELECT + " where c.status <> 'destroyed'" + (after.isPresent() ? " and c.id > :after" : "")
                + " order by c.id limit :limit";
        return db.read(h -> {
            Query select = h.createQuery(sql).bind("limit", limit);
            after.ifPresent(a -> select.bind("after", a.value()));
            return select.map(JdbiClientRepository::map).list();
        });
    }

    @Override
    public Optional<Client> claim(ClientId id) {
        db.requireTransaction("ClientRepository.claim");
        return db.read(h -> {
            boolean locked = h.createQuery("select id from clients where id = :id for update skip locked")
                    .bind("id", id.value()).mapTo(UUID.class).findOne().isPresent();
            return locked ? find(h, id) : Optional.empty();
        });
    }

    private static Update bindState(Update update, Client client) {
        Optional<String> deployError = client.deployStatus() instanceof DeployStatus.Failed failed
                ? Optional.of(failed.message()) : Optional.empty();
        return update
                .bind("id", client.id().value())
                .bind("msp", client.msp().value())
                .bind("name", client.name().value())
                .bind("slug", client.slug().value())
                .bind("mode", client.mode().label())
                .bind("status", client.status().label())
                .bind("deployStatus", client.deployStatus().label())
                .bind("deployError", deployError.orElse(null))
                .bind("prompt", client.prompt().value())
                .bind("psaKind", client.psaMapping().map(PsaMapping::integrationKind).orElse(null))
                .bind("psaCompanyId", client.psaMapping().map(PsaMapping::companyId).orElse(null))
                .bind("configVersion", client.configVersion())
                .bind("retryFailures", client.retry().failures())
                .bind("retryNextAt", ts(client.retry().nextAttemptAt().orElse(null)))
                .bind("statusChangedAt", ts(client.lastChange().at()))
                .bind("createdAt", ts(client.createdAt()));
    }

    /** One change (the usual case) is a plain INSERT; several go as one JDBC batch. */
    private static void insertChanges(Handle h, ClientId client, List<StatusChange> changes) {
        if (changes.size() == 1) {
            bindChange(h.createUpdate(INSERT_CHANGE), client, changes.getFirst()).execute();
        } else if (!changes.isEmpty()) {
            PreparedBatch batch = h.prepareBatch(INSERT_CHANGE);
            for (StatusChange change : changes) {
                bindChange(batch, client, change).add();
            }
            batch.execute();
        }
    }

    private static <S extends SqlStatement<S>> S bindChange(S statement, ClientId client, StatusChange change) {
        return statement.bind("client", client.value())
                .bind("sequence", change.sequence())
                .bind("from", change.from().map(AgentStatus::label).orElse(null))
                .bind("to", change.to().label())
                .bind("at", ts(change.at()))
                .bind("reason", change.reason());
    }

    private static AgentStatus status(String label) {
        return AgentStatus.valueOf(label.toUpperCase(Locale.ROOT));
    }

    private static Client map(ResultSet rs, StatementContext ctx) throws SQLException {
        Object[] sequences = Columns.array(rs, "sequences");
        Object[] froms = Columns.array(rs, "froms");
        Object[] tos = Columns.array(rs, "tos");
        Object[] ats = Columns.array(rs, "ats");
        Object[] reasons = Columns.array(rs, "reasons");
        List<StatusChange> history = new ArrayList<>(sequences.length);
        for (int i = 0; i < sequences.length; i++) {
            history.add(new StatusChange(((Number) sequences[i]).longValue(),
                    Optional.ofNullable((String) froms[i]).map(JdbiClientRepository::status), status((String) tos[i]),
                    Columns.instantElement(ats[i]), (String) reasons[i]));
        }
        String psaCompany = rs.getString("psa_company_id");
        Optional<PsaMapping> psa = Columns.optionalText(rs, "psa_kind").map(kind -> new PsaMapping(kind, psaCompany));
        return new Client(
                new ClientId(Columns.uuid(rs, "id")),
                new MspId(Columns.uuid(rs, "msp_id")),
                new ClientName(rs.getString("name")),
                new Slug(rs.getString("slug")),
                OperatingMode.valueOf(rs.getString("mode").toUpperCase(Locale.ROOT)),
                status(rs.getString("status")),
                DeployStatus.of(rs.getString("deploy_status"), rs.getString("deploy_error")),
                new PromptText(rs.getString("prompt")),
                psa,
                rs.getLong("config_version"),
                new RetrySchedule(rs.getInt("retry_failures"), Columns.optionalInstant(rs, "retry_next_at")),
                history,
                Columns.instant(rs, "created_at"),
                rs.getLong("version"));
    }
}
