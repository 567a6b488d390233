package dev.steward.adapter.persistence;

import static dev.steward.adapter.persistence.Columns.instant;
import static dev.steward.adapter.persistence.Columns.ts;

import dev.steward.application.port.UserRepository;
import dev.steward.application.problem.Conflict;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.user.EmailAddress;
import dev.steward.domain.user.User;
import dev.steward.domain.user.UserId;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
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
                            insert into users (id, msp_id, email, role, password_hash, created_at)
                            values (:id, :msp, :email, :role, :hash, :createdAt)
                            on conflict (email) do nothing""")
                    .bind("id", user.id().value())
                    .bind("msp", user.msp().value())
                    .bind("email", user.email().value())
                    .bind("role", user.role().label())
                    .bind("hash", user.passwordHash())
                    .bind("createdAt", ts(user.createdAt()))
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

    private static User map(ResultSet rs) throws SQLException {
        return new User(new UserId(rs.getObject("id", UUID.class)), new MspId(rs.getObject("msp_id", UUID.class)),
                new EmailAddress(rs.getString("email")), UserRole.parse(rs.getString("role")),
                rs.getString("password_hash"), instant(rs, "created_at"));
    }
}
