package dev.steward.application.integration;

import dev.steward.application.spi.Directory;
import dev.steward.domain.msp.MspId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/**
 * One page of a connected integration's directory (the entries clients are mapped to): those whose label contains
 * {@code search}, from {@code cursor} (empty: the first page), at most {@code limit}.
 */
public record BrowseDirectoryQuery(@NotNull(message = "is required") MspId msp,
                                   @NotNull(message = "is required") String integration,
                                   @NotNull(message = "is required") @Size(max = 100) String search,
                                   @NotNull Optional<@Size(max = 200) String> cursor,
                                   @Min(1) @Max(Directory.MAX_PAGE) int limit) {
}
