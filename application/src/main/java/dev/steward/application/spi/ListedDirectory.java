package dev.steward.application.spi;

import dev.steward.domain.problem.InvalidValue;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A directory of entries held in a list ({@link Directory#of}): what a provider returns when its system hands over the
 * whole list at once (a partner's customer tenants), and what tests and embedders use. Its cursors are positions in
 * the filtered list.
 */
final class ListedDirectory implements Directory {

    private final List<Entry> entries;

    ListedDirectory(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    @Override
    public Page list(String search, Optional<String> cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw InvalidValue.of("limit", "out-of-range", "must be 1-" + MAX_PAGE);
        }
        String needle = search == null ? "" : search.toLowerCase(Locale.ROOT);
        List<Entry> matching = entries.stream()
                .filter(e -> e.label().toLowerCase(Locale.ROOT).contains(needle)).toList();
        int from = cursor.map(ListedDirectory::position).orElse(0);
        if (from > matching.size()) {
            throw InvalidValue.of("cursor", "unknown", "is not a cursor of this directory");
        }
        int to = Math.min(matching.size(), from + limit);
        return new Page(matching.subList(from, to), to < matching.size() ? Optional.of(Integer.toString(to))
                : Optional.empty());
    }

    @Override
    public Optional<Entry> get(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    private static int position(String cursor) {
        try {
            int position = Integer.parseInt(cursor);
            if (position < 0) {
                throw new NumberFormatException();
            }
            return position;
        } catch (NumberFormatException e) {
            throw InvalidValue.of("cursor", "unknown", "is not a cursor of this directory");
        }
    }
}
