package dev.steward.bootstrap;

import dev.steward.adapter.persistence.backup.DatabaseBackup;
import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * {@code backup <file>} and {@code restore <file>}: the database (embedded or external, as configured) and the secret
 * key, the key sealed with a passphrase from {@code STEWARD_BACKUP_PASSPHRASE}, {@code STEWARD_BACKUP_PASSPHRASE_FILE},
 * or asked on the console. See {@link DatabaseBackup} for what the file holds and why.
 */
final class BackupCommand {

    private BackupCommand() {
    }

    static DatabaseBackup.Summary backup(StewardConfig config, Path file, char[] passphrase) {
        requirePostgres(config);
        return DatabaseBackup.backup(config.persistence(), config.secretKey(), file, passphrase);
    }

    static DatabaseBackup.Summary restore(StewardConfig config, Path file, char[] passphrase) {
        requirePostgres(config);
        return DatabaseBackup.restore(config.persistence(), config.secretKey(), file, passphrase);
    }

    private static void requirePostgres(StewardConfig config) {
        if (config.store() != StewardConfig.Store.POSTGRES) {
            throw new ConfigurationError("STEWARD_STORE=memory keeps nothing to back up or restore");
        }
    }

    /** The passphrase: from the environment, else from a file, else asked (twice for a new backup). */
    static char[] passphrase(Map<String, String> env, boolean confirm) {
        String given = env.get("STEWARD_BACKUP_PASSPHRASE");
        if (given != null && !given.isEmpty()) {
            return given.toCharArray();
        }
        String file = env.get("STEWARD_BACKUP_PASSPHRASE_FILE");
        if (file != null && !file.isBlank()) {
            try {
                return Files.readString(Path.of(file.strip())).strip().toCharArray();
            } catch (IOException | InvalidPathException e) {
                throw new ConfigurationError("STEWARD_BACKUP_PASSPHRASE_FILE cannot be read (" + file + ")");
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new ConfigurationError("set STEWARD_BACKUP_PASSPHRASE or STEWARD_BACKUP_PASSPHRASE_FILE (no"
                    + " console to ask on)");
        }
        char[] first = Optional.ofNullable(console.readPassword("Backup passphrase: ")).orElse(new char[0]);
        if (confirm) {
            char[] again = Optional.ofNullable(console.readPassword("Again: ")).orElse(new char[0]);
            boolean same = Arrays.equals(first, again);
            Arrays.fill(again, ' ');
            if (!same) {
                throw new ConfigurationError("the two passphrases differ");
            }
        }
        return first;
    }

    /** Runs {@code backup|restore <file>} for Main; the summary goes to the console, failures as one clear line. */
    static void run(String command, String[] args, Map<String, String> env) {
        if (args.length != 2) {
            throw new ConfigurationError("usage: steward " + command + " <file>");
        }
        StewardConfig config = StewardConfig.from(env);
        Path file = Path.of(args[1]);
        char[] passphrase = passphrase(env, command.equals("backup"));
        try {
            DatabaseBackup.Summary summary = command.equals("backup") ? backup(config, file, passphrase)
                    : restore(config, file, passphrase);
            Main.say(command + (command.equals("backup") ? " written to " : " restored from ") + file + ": "
                    + summary.total() + " rows in " + summary.rows().size() + " tables, schema version "
                    + summary.schemaVersion());
        } finally {
            Arrays.fill(passphrase, ' ');
        }
    }
}
