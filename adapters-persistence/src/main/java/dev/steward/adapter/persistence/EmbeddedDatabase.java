package dev.steward.adapter.persistence;

import dev.steward.application.problem.PortFailure;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An embedded PostgreSQL server (zonky, linux-amd64 binaries) whose cluster lives in a data directory that is kept
 * across restarts: the first start runs initdb, later starts reuse the cluster. {@link #close} stops the server and
 * leaves the data in place.
 *
 * <p>It listens on localhost only and asks for a password (SCRAM-SHA-256, never {@code trust}): a generated one, kept
 * in {@code <data directory>.password} (mode 600) beside the cluster, so another local user or process cannot sign in
 * to it. A cluster created before that (with {@code trust}) gets the password and the stricter {@code pg_hba.conf} at
 * its next start.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EmbeddedDatabase.class.getName());
    public static final String USER = "postgres";
    /** Password authentication on the local socket and on loopback TCP, for every database and user. */
    static final List<String> HBA = List.of(
            "# written by Steward: password authentication only (SCRAM-SHA-256), never trust",
            "local all all scram-sha-256",
            "host all all 127.0.0.1/32 scram-sha-256",
            "host all all ::1/128 scram-sha-256");

    private final Path dataDirectory;
    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedDatabase(Path dataDirectory, EmbeddedPostgres postgres, String password) {
        this.dataDirectory = dataDirectory;
        this.postgres = postgres;
        this.password = password;
    }

    /**
     * Starts the server on a free local port.
     *
     * @throws PortFailure if it cannot start (data directory not writable, another server holds it, no binaries)
     */
    public static EmbeddedDatabase start(Path dataDirectory) {
        Path absolute = dataDirectory.toAbsolutePath();
        try {
            Files.createDirectories(absolute);
            stopStaleServer(absolute);
            Path passwordFile = passwordFile(absolute);
            boolean fresh = !Files.exists(absolute.resolve("PG_VERSION"));
            String password = OwnerOnlyFile.read(passwordFile).filter(p -> !p.isEmpty()).orElseGet(() -> {
                String generated = generated();
                try {
                    OwnerOnlyFile.replace(passwordFile, generated + "\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return generated;
            });
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(absolute)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // zonky starts PostgreSQL for tests (fsync and synchronous_commit off), which loses acknowledged
                    // writes when the machine or PostgreSQL dies: a client answered 201 must survive a crash
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setConnectConfig("password", password);
            if (fresh) {
                // initdb sets the superuser's password and writes password-only pg_hba.conf from the first moment;
                // these options follow zonky's own "-A trust", so they win
                builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwordFile.toString());
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedDatabase database = new EmbeddedDatabase(absolute, postgres, password);
            if (!fresh) {
                database.requirePassword();
            }
            return database;
        } catch (IOException | IllegalStateException | UncheckedIOException e) {
            throw PortFailure.permanent(DatabaseErrors.PORT, "could not start the embedded PostgreSQL in "
                    + absolute + ": " + e.getMessage(), e);
        }
    }

    /**
     * A PostgreSQL that still runs on the directory although no Steward holds it: what a {@code kill -9} of the control
     * plane leaves behind (the server is a child process and outlives it). Starting beside it would wait a minute for
     * a server that can never start, so it is stopped first (a fast shutdown; the dead control plane's transactions
     * are rolled back). A server whose Steward is alive (it holds the directory's lock) is not touched: the start is
     * refused at once, saying who holds the directory and what to do.
     */
    private static void stopStaleServer(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        Optional<ProcessHandle> server = Files.readAllLines(pidFile).stream().findFirst().map(String::strip)
                .filter(line -> line.matches("\\d{1,10}")).map(Long::parseLong).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false));
        if (server.isEmpty()) {
            return; // a pid file of a server that is gone: PostgreSQL recovers from it on its own
        }
        long pid = server.get().pid();
        if (!lockFree(directory)) {
            throw new IllegalStateException("another running Steward uses the data directory " + directory
                    + " (its PostgreSQL runs as pid " + pid + "); stop that Steward first, or give this one another"
                    + " STEWARD_DATA_DIR");
        }
        LOG.log(System.Logger.Level.WARNING, "PostgreSQL (pid {0}) still runs on {1} although no Steward holds it (the"
                + " last control plane was killed without stopping it); stopping it before starting again",
                Long.toString(pid), directory);
        signal("INT", pid); // PostgreSQL's fast shutdown
        try {
            if (server.get().onExit().get(60, TimeUnit.SECONDS).isAlive()) {
                throw new IllegalStateException("still alive");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the stale PostgreSQL (pid " + pid + ")", e);
        } catch (ExecutionException | TimeoutException | IllegalStateException e) {
            throw new IllegalStateException("the stale PostgreSQL (pid " + pid + ") on " + directory + " did not stop"
                    + " within 60 s; stop it by hand (kill -INT " + pid + ") and start again");
        }
    }

    /** Whether no live process holds the embedded server's lock file (zonky's {@code epg-lock}) in the directory. */
    private static boolean lockFree(Path directory) throws IOException {
        Path lockFile = directory.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock != null;
        } catch (OverlappingFileLockException e) {
            return false; // this very process holds it
        }
    }

    private static void signal(String signal, long pid) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The URL of the server a running control plane holds on {@code dataDirectory}, found through PostgreSQL's own
     * {@code postmaster.pid} (its pid, alive, and its port): lets a backup read the live store without stopping it.
     */
    public static Optional<String> runningUrl(Path dataDirectory) {
        Path pidFile = dataDirectory.toAbsolutePath().resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            boolean alive = ProcessHandle.of(Long.parseLong(lines.get(0).strip())).map(ProcessHandle::isAlive)
                    .orElse(false);
            int port = Integer.parseInt(lines.get(3).strip());
            return alive ? Optional.of("jdbc:postgresql://localhost:" + port + "/postgres?user=postgres")
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The password of the cluster in {@code dataDirectory}, for a backup reading the running server. */
    public static Optional<String> storedPassword(Path dataDirectory) {
        try {
            return OwnerOnlyFile.read(passwordFile(dataDirectory.toAbsolutePath())).filter(p -> !p.isEmpty());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Where the cluster's password is kept: beside the cluster directory, {@code <directory>.password}. */
    static Path passwordFile(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".password");
    }

    private static String generated() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /**
     * An older cluster may still trust local connections: set the password (idempotent) and, if pg_hba.conf allows
     * anything without one, replace it and reload.
     */
    private void requirePassword() throws IOException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        if (Files.readAllLines(hba, StandardCharsets.UTF_8).equals(HBA)) {
            return;
        }
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("alter user " + USER + " with password '" + password.replace("'", "''") + "'");
            Files.write(hba, HBA, StandardCharsets.UTF_8);
            statement.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the embedded PostgreSQL's password: " + e.getSQLState(), e);
        }
    }

    private PGSimpleDataSource dataSource() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(jdbcUrl());
        source.setUser(USER);
        source.setPassword(password);
        return source;
    }

    /** The JDBC URL of the {@code postgres} database, without credentials ({@link #user()}, {@link #password()}). */
    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, "postgres");
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the server (a fast shutdown: running transactions are rolled back); the data directory stays. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedDatabase[" + dataDirectory + ", port " + port() + "]";
    }
}
