package dev.steward.domain.archfixture;

/** Breaks "the domain uses only the JDK's pure packages": it reads files (for ArchitectureTest only). */
public final class DomainTypeUsingIo {

    public boolean exists(String path) {
        return java.nio.file.Files.exists(java.nio.file.Path.of(path))
                && java.sql.Types.class.getName().isEmpty();
    }
}
