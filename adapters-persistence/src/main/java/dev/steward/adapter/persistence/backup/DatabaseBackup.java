package dev.steward.adapter.persistence.backup;

import dev.steward.adapter.persistence.Database;
import dev.steward.adapter.persistence.EmbeddedDatabase;
import dev.steward.adapter.persistence.Migrations;
import dev.steward.adapter.persistence.PersistenceSettings;
import dev.steward.adapter.persistence.SecretKeySource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * {@code steward backup <file>} and {@code steward restore <file>}: a consistent logical dump of every table plus the
 * secret key that opens the integration secrets, the key sealed with a passphrase.
 *
 * <p>Why a logical export in Java rather than {@code pg_dump}: Steward runs on a machine with only a JDK, and the
 * embedded PostgreSQL ships {@code initdb}, {@code pg_ctl} and {@code postgres} but no {@code pg_dump}; an external
 * server's {@code pg_dump} may be of another version than the server. Steward knows its own schema (the Flyway
 * migrations), so the backup carries the schema version and the rows, not DDL: every table is copied with
 * PostgreSQL's {@code COPY ... TO STDOUT} inside one {@code REPEATABLE READ READ ONLY} transaction, the same snapshot
 * {@code pg_dump} uses, so the dump is consistent while control planes keep working. A restore migrates an empty
 * database to exactly that schema version, loads every table in foreign-key order in one transaction, then migrates
 * on to this code's newest schema. It works the same for the embedded and an external PostgreSQL (15 or newer).
 *
 * <p>The file is a ZIP: {@code manifest.properties} (format, schema version, each table's rows and SHA-256),
 * {@code tables/<name>.copy} (COPY text format) and {@code secret-key.properties} (the key sealed by
 * {@link SealedKey} with the manifest's digest as associated data). A restore checks the passphrase and every
 * table's digest, and that the target is empty, before it changes anything.
 */
public final class DatabaseBackup {

    static final String FORMAT = "steward-backup-1";
    private static final String MANIFEST = "manifest.properties";
    private static final String KEY = "secret-key.properties";
    private static final String HISTORY = "flyway_schema_history";

    /** What a backup wrote or a restore brought back: rows per table. */
    public record Summary(String schemaVersion, Map<String, Long> rows) {
        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private DatabaseBackup() {
    }

    /**
     * Writes a backup of the configured database to {@code file} (replaced only once complete). For the embedded
     * store it reads the running server of the data directory when a control plane holds it, so a backup needs no
     * downtime; otherwise it starts the server for the backup.
     */
    public static Summary backup(PersistenceSettings settings, SecretKeySource key, Path file, char[] passphrase) {
        requirePassphrase(passphrase);
        byte[] secretKey = key.load();
        try (Source source = Source.open(settings); Connection connection = source.connect()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            String version = schemaVersion(connection);
            List<String> tables = tables(connection);
            Path partial = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(),
                    ".partial");
            Map<String, Long> rows = new LinkedHashMap<>();
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
                Properties manifest = new Properties();
                manifest.setProperty("format", FORMAT);
                manifest.setProperty("schema-version", version);
                manifest.setProperty("created-at", Instant.now().toString());
                manifest.setProperty("tables", String.join(",", tables));
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                for (String table : tables) {
                    zip.putNextEntry(new ZipEntry("tables/" + table + ".copy"));
                    MessageDigest digest = sha256();
                    NonClosingStream counted = new NonClosingStream(new DigestOutputStream(zip, digest));
                    long copied = copy.copyOut("COPY " + quote(table) + " TO STDOUT", counted);
                    zip.closeEntry();
                    rows.put(table, copied);
                    manifest.setProperty("table." + table + ".rows", Long.toString(copied));
                    manifest.setProperty("table." + table + ".sha256", HexFormat.of().formatHex(digest.digest()));
                }
                connection.commit();
                byte[] manifestBytes = store(manifest);
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(manifestBytes);
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(KEY));
                zip.write(store(SealedKey.seal(secretKey, passphrase, sha256().digest(manifestBytes))));
                zip.closeEntry();
            } catch (IOException | SQLException | RuntimeException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Summary(version, rows);
        } catch (SQLException e) {
            throw new BackupRefused("the database could not be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("the backup file " + file + " could not be written", e);
        } finally {
            Arrays.fill(secretKey, (byte) 0);
        }
    }

    /**
     * Restores {@code file} into the configured database, which must be empty (for the embedded store: a data
     * directory without a database yet), and puts the backup's secret key where {@code key} says: into the key file
     * (which must not exist, or hold the same key), or checks that a given key is the backup's. Nothing is changed
     * unless the passphrase opens the backup, every table is intact and the target is empty.
     */
    public static Summary restore(PersistenceSettings settings, SecretKeySource key, Path file, char[] passphrase) {
        Archive archive = Archive.read(file, passphrase);
        checkKeyDestination(key, archive.secretKey);
        boolean createdDirectory = settings instanceof PersistenceSettings.Embedded embedded
                && requireEmptyDataDirectory(embedded.dataDirectory());
        try (Database database = Database.openUnmigrated(settings)) {
            requireEmptyDatabase(database);
            try {
                Migrations.migrate(database.dataSource(), archive.schemaVersion);
                Summary summary = load(database, archive);
                Migrations.migrate(database.dataSource());
                writeKey(key, archive.secretKey);
                return summary;
            } catch (RuntimeException e) {
                if (!createdDirectory) {
                    dropEverything(database);
                }
                throw e;
            }
        } catch (RuntimeException e) {
            if (createdDirectory) {
                deleteDirectory(((PersistenceSettings.Embedded) settings).dataDirectory());
            }
            throw e;
        } finally {
            Arrays.fill(archive.secretKey, (byte) 0);
        }
    }

    private static Summary load(Database database, Archive archive) {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : loadOrder(connection, archive.tables)) {
                rows.put(table, copy.copyIn("COPY " + quote(table) + " FROM STDIN",
                        new ByteArrayInputStream(archive.data(table))));
            }
            connection.commit();
            return new Summary(archive.schemaVersion, rows);
        } catch (SQLException | IOException e) {
            throw new BackupRefused("the backup could not be loaded: " + e.getMessage(), e);
        }
    }

    /** Tables in foreign-key order: each after the tables it refers to. */
    private static List<String> loadOrder(Connection connection, List<String> tables) throws SQLException {
        Map<String, List<String>> refersTo = new LinkedHashMap<>();
        tables.forEach(table -> refersTo.put(table, new ArrayList<>()));
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
                     from pg_constraint c join pg_namespace n on n.oid = c.connamespace
                     where c.contype = 'f' and n.nspname = current_schema()""")) {
            while (rs.next()) {
                String child = rs.getString("child");
                String parent = rs.getString("parent");
                if (refersTo.containsKey(child) && !child.equals(parent)) {
                    refersTo.get(child).add(parent);
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < tables.size()) {
            int before = ordered.size();
            for (String table : tables) {
                if (!ordered.contains(table) && ordered.containsAll(refersTo.get(table).stream()
                        .filter(refersTo::containsKey).toList())) {
                    ordered.add(table);
                }
            }
            if (ordered.size() == before) {
                throw new IllegalStateException("foreign keys form a cycle among " + tables);
            }
        }
        return ordered;
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select version from " + HISTORY + " where success and version"
                     + " is not null order by installed_rank desc limit 1")) {
            if (!rs.next()) {
                throw new BackupRefused("the database has no Steward schema yet: nothing to back up");
            }
            return rs.getString(1);
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select table_name from information_schema.tables"
                     + " where table_schema = current_schema() and table_type = 'BASE TABLE'"
                     + " and table_name <> '" + HISTORY + "' order by table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static boolean requireEmptyDataDirectory(Path dataDirectory) {
        try {
            if (Files.exists(dataDirectory)) {
                try (var entries = Files.list(dataDirectory)) {
                    if (entries.findAny().isPresent()) {
                        throw new BackupRefused("the data directory " + dataDirectory + " is not empty: restore"
                                + " into a new STEWARD_DATA_DIR (or move this one away first); nothing was changed");
                    }
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireEmptyDatabase(Database database) {
        List<String> found = database.jdbi().withHandle(h -> h.createQuery("""
                        select table_name from information_schema.tables
                        where table_schema = current_schema() order by table_name limit 5""")
                .mapTo(String.class).list());
        if (!found.isEmpty()) {
            throw new BackupRefused("the database is not empty (it has " + String.join(", ", found) + ", ...):"
                    + " restore into a new, empty database; nothing was changed");
        }
    }

    /** Undoes a failed restore into a database that was empty: drops every table it created. */
    private static void dropEverything(Database database) {
        database.jdbi().useHandle(h -> {
            for (String table : h.createQuery("select table_name from information_schema.tables where table_schema ="
                    + " current_schema() and table_type = 'BASE TABLE'").mapTo(String.class).list()) {
                h.execute("drop table if exists " + quote(table) + " cascade");
            }
        });
    }

    private static void checkKeyDestination(SecretKeySource key, byte[] backupKey) {
        switch (key) {
            case SecretKeySource.Given given -> {
                if (!Arrays.equals(given.load(), backupKey)) {
                    throw new BackupRefused("STEWARD_SECRET_KEY is set to another key than the backup's: unset it"
                            + " (the backup's key is then written to the key file) or set it to the backup's key;"
                            + " nothing was changed");
                }
            }
            case SecretKeySource.KeyFile keyFile -> {
                if (Files.exists(keyFile.path()) && !Arrays.equals(keyFile.load(), backupKey)) {
                    throw new BackupRefused("the key file " + keyFile.path() + " holds another key than the"
                            + " backup's: move it away first; nothing was changed");
                }
            }
        }
    }

    private static void writeKey(SecretKeySource key, byte[] backupKey) {
        if (key instanceof SecretKeySource.KeyFile keyFile && !Files.exists(keyFile.path())) {
            SecretKeySource.KeyFile.write(keyFile.path(), backupKey);
        }
    }

    private static void deleteDirectory(Path directory) {
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requirePassphrase(char[] passphrase) {
        if (passphrase == null || passphrase.length < 12) {
            throw new BackupRefused("the backup passphrase must be at least 12 characters");
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static byte[] store(Properties properties) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        properties.store(out, FORMAT);
        return out.toByteArray();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Where the backup reads from: the running embedded server, one started for the backup, or an external one. */
    private record Source(Optional<EmbeddedDatabase> started, String url, Optional<String> user,
                          Optional<String> password) implements AutoCloseable {

        static Source open(PersistenceSettings settings) {
            return switch (settings) {
                case PersistenceSettings.External e -> new Source(Optional.empty(), e.url(),
                        Optional.of(e.user()).filter(u -> !u.isEmpty()),
                        Optional.of(e.password()).filter(p -> !p.isEmpty()));
                case PersistenceSettings.Embedded e -> EmbeddedDatabase.runningUrl(e.dataDirectory())
                        .map(url -> new Source(Optional.empty(), url, Optional.of(EmbeddedDatabase.USER),
                                EmbeddedDatabase.storedPassword(e.dataDirectory())))
                        .orElseGet(() -> {
                            if (!Files.isDirectory(e.dataDirectory())) {
                                throw new BackupRefused("there is no embedded database in " + e.dataDirectory()
                                        + " (check STEWARD_DATA_DIR)");
                            }
                            EmbeddedDatabase server = EmbeddedDatabase.start(e.dataDirectory());
                            return new Source(Optional.of(server), server.jdbcUrl(), Optional.of(server.user()),
                                    Optional.of(server.password()));
                        });
            };
        }

        Connection connect() throws SQLException {
            Properties properties = new Properties();
            user.ifPresent(u -> properties.setProperty("user", u));
            password.ifPresent(p -> properties.setProperty("password", p));
            return DriverManager.getConnection(url, properties);
        }

        @Override
        public void close() {
            started.ifPresent(EmbeddedDatabase::close);
        }
    }

    /** A backup file read and checked: every table's data, its digest verified, and the opened secret key. */
    private static final class Archive {
        final String schemaVersion;
        final List<String> tables;
        final byte[] secretKey;
        private final Map<String, byte[]> data = new LinkedHashMap<>();

        private Archive(String schemaVersion, List<String> tables, byte[] secretKey) {
            this.schemaVersion = schemaVersion;
            this.tables = tables;
            this.secretKey = secretKey;
        }

        byte[] data(String table) {
            return data.get(table);
        }

        static Archive read(Path file, char[] passphrase) {
            if (!Files.isRegularFile(file)) {
                throw new BackupRefused("there is no backup file " + file);
            }
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ZipEntry manifestEntry = zip.getEntry(MANIFEST);
                ZipEntry keyEntry = zip.getEntry(KEY);
                if (manifestEntry == null || keyEntry == null) {
                    throw new BackupRefused(file + " is not a Steward backup (no manifest or no sealed key)");
                }
                byte[] manifestBytes = zip.getInputStream(manifestEntry).readAllBytes();
                Properties manifest = load(manifestBytes);
                if (!FORMAT.equals(manifest.getProperty("format"))) {
                    throw new BackupRefused(file + " is not a backup this version of Steward reads (format "
                            + manifest.getProperty("format") + ")");
                }
                byte[] secretKey = SealedKey.open(load(zip.getInputStream(keyEntry).readAllBytes()), passphrase,
                        sha256().digest(manifestBytes));
                List<String> tables = List.of(manifest.getProperty("tables", "").split(","));
                Archive archive = new Archive(manifest.getProperty("schema-version"), tables, secretKey);
                for (String table : tables) {
                    ZipEntry entry = zip.getEntry("tables/" + table + ".copy");
                    if (entry == null) {
                        throw new BackupRefused("the backup lacks table " + table + ": the file is damaged");
                    }
                    MessageDigest digest = sha256();
                    byte[] bytes;
                    try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest)) {
                        bytes = in.readAllBytes();
                    }
                    if (!HexFormat.of().formatHex(digest.digest())
                            .equals(manifest.getProperty("table." + table + ".sha256"))) {
                        throw new BackupRefused("table " + table + " in the backup does not match its digest: the"
                                + " file is damaged; nothing was restored");
                    }
                    archive.data.put(table, bytes);
                }
                return archive;
            } catch (IOException e) {
                throw new BackupRefused(file + " cannot be read as a Steward backup: " + e.getMessage(), e);
            }
        }

        private static Properties load(byte[] bytes) throws IOException {
            Properties properties = new Properties();
            properties.load(new java.io.InputStreamReader(new ByteArrayInputStream(bytes),
                    StandardCharsets.ISO_8859_1));
            return properties;
        }
    }

    /** Passes bytes on to the ZIP entry and leaves the ZIP open when COPY closes its stream. */
    private static final class NonClosingStream extends OutputStream {
        private final OutputStream out;

        NonClosingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() {
            // the ZIP entry is closed by the caller
        }
    }
}
