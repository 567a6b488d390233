package dev.steward.adapter.docs;

import dev.steward.application.spi.Directory;
import dev.steward.domain.problem.InvalidValue;
import java.util.Optional;

/**
 * A platform's companies (Hudu) / organizations (IT Glue) as the entries a client is mapped to, read page by page
 * from the platform itself with its own search; a cursor is the platform's next page number.
 */
final class DocsDirectory implements Directory {

    private static final int MAX_PAGE_NUMBER = 100_000;

    private final DocsPlatform platform;

    DocsDirectory(DocsPlatform platform) {
        this.platform = platform;
    }

    @Override
    public Page list(String search, Optional<String> cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw InvalidValue.of("limit", "out-of-range", "must be 1-" + MAX_PAGE);
        }
        int page = cursor.map(DocsDirectory::pageNumber).orElse(1);
        DocsPlatform.Page<DocsPlatform.Company> companies = platform.companies(search == null ? "" : search.strip(),
                page, limit);
        return new Page(companies.items().stream().map(DocsDirectory::entry).toList(),
                companies.more() && !companies.items().isEmpty() ? Optional.of(Integer.toString(page + 1))
                        : Optional.empty());
    }

    @Override
    public Optional<Entry> get(String id) {
        return platform.company(id).map(DocsDirectory::entry);
    }

    private static Entry entry(DocsPlatform.Company company) {
        return new Entry(company.id(), company.name(), company.detail());
    }

    private static int pageNumber(String cursor) {
        try {
            int page = Integer.parseInt(cursor);
            if (page >= 2 && page <= MAX_PAGE_NUMBER) {
                return page;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw InvalidValue.of("cursor", "unknown", "is not a cursor of this directory");
    }
}
