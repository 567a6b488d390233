package dev.steward.application.spi;

import dev.steward.application.stability.Stable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The external entries a client can be mapped to in one integration (a partner's customer tenants, a documentation
 * platform's companies): listed page by page with an optional search, or read by id.
 */
@Stable
public interface Directory {

    /** The most entries one page holds. */
    int MAX_PAGE = 200;

    /**
     * One page of entries whose label contains {@code search} (ignoring case; empty matches all), ordered as the
     * system orders them.
     *
     * @param cursor empty for the first page, else a page's {@link Page#next()}
     * @param limit 1 to {@link #MAX_PAGE}
     * @throws dev.steward.domain.problem.InvalidValue ({@code cursor}) for a cursor this directory did not hand out
     */
    Page list(String search, Optional<String> cursor, int limit);

    /** The entry with this id, if the system has it. */
    Optional<Entry> get(String id);

    /**
     * A directory of these entries, in this order, searched and paged in memory (its cursors are positions in the
     * matching entries): for a system that hands over its whole list at once.
     */
    static Directory of(List<Entry> entries) {
        return new ListedDirectory(entries);
    }

    /** One entry: its id in the outside system, a label for people, and a detail such as a domain name. */
    record Entry(String id, String label, String detail) {
        public Entry {
            Objects.requireNonNull(id, "id");
            label = label == null ? "" : label;
            detail = detail == null ? "" : detail;
        }
    }

    /** A page of entries and the cursor of the next page, empty on the last. */
    record Page(List<Entry> entries, Optional<String> next) {
        public Page {
            entries = List.copyOf(entries);
            Objects.requireNonNull(next, "next");
        }
    }
}
