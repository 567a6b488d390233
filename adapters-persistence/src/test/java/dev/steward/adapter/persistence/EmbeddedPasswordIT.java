package dev.steward.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The review's finding: the embedded PostgreSQL trusted every local connection, so any local user or process could
 * read and change Steward's data without a password. Now it asks for a generated password kept in a 600 file.
 */
class EmbeddedPasswordIT {

    private final Path directory = TestDatabase.newDirectory("password-");

    @AfterEach
    void removeDataDirectory() throws Exception {
        TestDatabase.delete(directory);
        Files.deleteIfExists(EmbeddedDatabase.passwordFile(directory.resolve("pg")));
    }

    private static Connection connect(EmbeddedDatabase database, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", database.user());
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + database.port() + "/postgres",
                properties);
    }

    @Test
    void aNewClusterAsksForTheGeneratedPasswordKeptInAnOwnerOnlyFile() throws Exception {
        Path cluster = directory.resolve("pg");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(cluster)) {
            Path file = EmbeddedDatabase.passwordFile(cluster);
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE));
            assertThat(Files.readString(file).strip()).isEqualTo(database.password()).hasSizeGreaterThan(40);
            assertThat(Files.readString(cluster.resolve("pg_hba.conf"))).doesNotContain(" trust");

            assertThatThrownBy(() -> connect(database, null).close()).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(database, "guess").close()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            try (Connection connection = connect(database, database.password())) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
        try (EmbeddedDatabase again = EmbeddedDatabase.start(cluster)) {
            assertThat(again.password()).as("kept across restarts").isEqualTo(Files.readString(
                    EmbeddedDatabase.passwordFile(cluster)).strip());
            try (Connection connection = connect(again, again.password())) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
    }

    @Test
    void aClusterCreatedWithTrustGetsThePasswordAtItsNextStart() throws Exception {
        Path cluster = directory.resolve("pg");
        try (EmbeddedPostgres legacy = EmbeddedPostgres.builder().setDataDirectory(cluster)
                .setCleanDataDirectory(false).start()) {
            assertThat(Files.readString(cluster.resolve("pg_hba.conf"))).contains("trust");
        }

        try (EmbeddedDatabase database = EmbeddedDatabase.start(cluster)) {
            assertThat(Files.readAllLines(cluster.resolve("pg_hba.conf"))).isEqualTo(EmbeddedDatabase.HBA);
            assertThatThrownBy(() -> connect(database, null).close()).isInstanceOf(SQLException.class);
            try (Connection connection = connect(database, database.password())) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
    }

    /** zonky turns synchronous_commit off; a commit Steward has answered for must survive PostgreSQL dying. */
    @Test
    void commitsAreDurableBeforeTheyAreAcknowledged() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory.resolve("pg"));
             Connection connection = connect(database, database.password());
             var settings = connection.createStatement().executeQuery(
                     "select current_setting('synchronous_commit'), current_setting('fsync')")) {
            assertThat(settings.next()).isTrue();
            assertThat(settings.getString(1)).isEqualTo("on");
            assertThat(settings.getString(2)).isEqualTo("on");
        }
    }
}
