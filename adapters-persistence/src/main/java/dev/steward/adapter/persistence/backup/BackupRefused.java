package dev.steward.adapter.persistence.backup;

/** A backup or restore that cannot be done as asked; the message says why and what to do, and nothing was changed. */
public final class BackupRefused extends RuntimeException {

    public BackupRefused(String message) {
        super(message);
    }

    BackupRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
