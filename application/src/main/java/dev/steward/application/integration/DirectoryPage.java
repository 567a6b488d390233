package dev.steward.application.integration;

import dev.steward.application.spi.Directory;
import dev.steward.domain.integration.Integration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A page of an integration's directory, and the cursor of the next one (empty on the last). */
public record DirectoryPage(Integration integration, List<Directory.Entry> entries, Optional<String> next) {

    public DirectoryPage {
        Objects.requireNonNull(integration, "integration");
        entries = List.copyOf(entries);
        Objects.requireNonNull(next, "next");
    }
}
