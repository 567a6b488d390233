package dev.steward.adapter.persistence;

import static dev.steward.adapter.persistence.Columns.instant;
import static dev.steward.adapter.persistence.Columns.optionalInstant;
import static dev.steward.adapter.persistence.Columns.ts;

import dev.steward.application.port.access.UserRepository;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.user.EmailAddress;
import dev.steward.domain.user.User;
import dev.steward.domain.user.UserId;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Users in PostgreSQL; the unique email column decides a race between two sign-ups of one address. */
public final class JdbiUserRepository implements UserRepository {

    private final JdbiUnitOfWork db;

    @Inject
    public JdbiUserRepository(JdbiUnitOfWork db) {
        this.db = db;
    }

    @Override
    public User add(User user) {
        return db.withHandle(h -> {
            int inserted = h.createUpdate("""
                            insert into users (id, msp_id, email, role, password_hash, created_at, disabled_at)
                            values (:id, :msp, :email, :role, :hash, :createdAt, :disabledAt)
                            on conflict (email) do nothing""")
                    .bind("id", user.id().value())
                    .bind("msp", user.msp().value())
                    .bind("email", user.email().value())
                    .bind("role", user.role().label())
                    .bind("hash", user.passwordHash())
                    .bind("createdAt", ts(user.createdAt()))
                    .bind("disabledAt", user.disabledAt().map(Columns::ts).orElse(null))
                    .execute();
            if (inserted == 0) {
                throw Conflict.emailTaken(user.email().value());
            }
            return user;
        });
    }

    @Override
    public Optional<User> find(UserId id) {
        return db.read(h -> h.createQuery("select * from users where id = :id").bind("id", id.value())
                .map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return db.read(h -> h.createQuery("select * from users where email = :email").bind("email", email.value())
                .map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public List<User> list(MspId msp) {
        return db.read(h -> h.createQuery("select * from users where msp_id = :msp order by email")
                .bind("msp", msp.value()).map((rs, ctx) -> map(rs)).list());
    }

    @Override
    public boolean any() {
        return db.read(h -> h.createQuery("select exists (select 1 from users)").mapTo(Boolean.class).one());
    }

    /**
     * Locks every user row of the MSP first, so that two concurrent changes of one MSP's users take turns and the
     * "keeps an active admin" check sees what the other committed.
     */
    @Override
    public User update(User user) {
        return db.withHandle(h -> {
            List<User> team = h.createQuery("""
                            select * from users where msp_id = (select msp_id from users where id = :id)
                            order by id for update""")
                    .bind("id", user.id().value()).map((rs, ctx) -> map(rs)).list();
            User before = team.stream().filter(u -> u.id().equals(user.id())).findFirst()
                    .orElseThrow(() -> new NotFound("user", user.id().toString()));
            boolean hadAdmin = team.stream().anyMatch(User::activeAdmin);
            boolean keepsAdmin = user.activeAdmin()
                    || team.stream().anyMatch(u -> u.activeAdmin() && !u.id().equals(user.id()));
            if (hadAdmin && !keepsAdmin) {
                throw Conflict.lastAdmin();
            }
            return h.createQuery("""
                            update users set role = :role, password_hash = :hash, disabled_at = :disabledAt
                            where id = :id returning *""")
                    .bind("id", before.id().value())
                    .bind("role", user.role().label())
                    .bind("hash", user.passwordHash())
                    .bind("disabledAt", user.disabledAt().map(Columns::ts).orElse(null))
                    .map((rs, ctx) -> map(rs)).one();
        });
    }

    @Override
    public void addPasswordLink(String secretHash, UserId user, Instant expiresAt) {
        db.withHandle(h -> {
            h.createUpdate("delete from password_links where user_id = :user or expires_at < now()")
                    .bind("user", user.value()).execute();
            return h.createUpdate("insert into password_links (secret_hash, user_id, expires_at) "
                            + "values (:hash, :user, :expiresAt)")
                    .bind("hash", secretHash).bind("user", user.value()).bind("expiresAt", ts(expiresAt)).execute();
        });
    }

    @Override
    public Optional<UserId> findPasswordLink(String secretHash, Instant now) {
        return db.read(h -> h.createQuery("select user_id from password_links where secret_hash = :hash "
                        + "and expires_at > :now")
                .bind("hash", secretHash).bind("now", ts(now))
                .map((rs, ctx) -> new UserId(rs.getObject("user_id", UUID.class))).findOne());
    }

    @Override
    public Optional<UserId> takePasswordLink(String secretHash, Instant now) {
        return db.withHandle(h -> h.createQuery("delete from password_links where secret_hash = :hash "
                        + "returning user_id, expires_at > :now as live")
                .bind("hash", secretHash).bind("now", ts(now))
                .map((rs, ctx) -> Map.entry(new UserId(rs.getObject("user_id", UUID.class)), rs.getBoolean("live")))
                .findOne().filter(Map.Entry::getValue).map(Map.Entry::getKey));
    }

    private static User map(ResultSet rs) throws SQLException {
        return new User(new UserId(rs.getObject("id", UUID.class)), new MspId(rs.getObject("msp_id", UUID.class)),
                new EmailAddress(rs.getString("email")), UserRole.parse(rs.getString("role")),
                rs.getString("password_hash"), instant(rs, "created_at"), optionalInstant(rs, "disabled_at"));
    }
}
