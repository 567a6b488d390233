package dev.steward.adapter.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One embedded PostgreSQL per test JVM, started on first use and shared by every test class (the kits' data is
 * unique per test, so nothing is truncated). Its data directory lives under target/ and is removed at exit.
 */
final class TestDatabase {

    private static final class Holder {
        static final Path DIRECTORY = newDirectory("shared-");
        static final Database DATABASE = Database.open(new PersistenceSettings.Embedded(DIRECTORY, 20));
        static final JdbiStores STORES = new JdbiStores(new JdbiUnitOfWork(DATABASE.jdbi()));

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                DATABASE.close();
                delete(DIRECTORY);
            }, "stop-test-postgres"));
        }
    }

    private TestDatabase() {
    }

    static Database database() {
        return Holder.DATABASE;
    }

    static JdbiStores stores() {
        return Holder.STORES;
    }

    /** A fresh directory under target/ for a database of one test's own. */
    static Path newDirectory(String prefix) {
        try {
            Path target = Files.createDirectories(Path.of("target", "test-postgres"));
            return Files.createTempDirectory(target, prefix).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
