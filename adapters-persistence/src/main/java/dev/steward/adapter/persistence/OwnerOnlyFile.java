package dev.steward.adapter.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * A file of secret text readable and writable by its owner only (mode 600) from its first byte on: the secret key,
 * the embedded PostgreSQL's password, the first admin's generated password. On a file system without POSIX
 * permissions the data directory's own protection applies.
 */
public final class OwnerOnlyFile {

    private OwnerOnlyFile() {
    }

    /**
     * Creates {@code path} holding {@code text}, unless it exists already.
     *
     * @return whether this call created it (false: another process or an earlier start did, and it is kept)
     */
    public static boolean createNew(Path path, String text) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        try (SeekableByteChannel out = open(path, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
            out.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            return true;
        } catch (FileAlreadyExistsException exists) {
            return false;
        }
    }

    /** Replaces {@code path} with one holding {@code text}, owner-only from the start (a new file, then a move). */
    public static void replace(Path path, String text) throws IOException {
        Path fresh = path.resolveSibling(path.getFileName() + ".new");
        Files.deleteIfExists(fresh);
        createNew(fresh, text);
        Files.move(fresh, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The file's text without surrounding blanks, if it exists. */
    public static Optional<String> read(Path path) throws IOException {
        return Files.exists(path) ? Optional.of(Files.readString(path, StandardCharsets.UTF_8).strip())
                : Optional.empty();
    }

    private static SeekableByteChannel open(Path path, Set<OpenOption> options) throws IOException {
        try {
            return Files.newByteChannel(path, options,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.newByteChannel(path, options);
        }
    }
}
