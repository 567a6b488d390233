package dev.steward.application.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.spi.Directory;
import dev.steward.domain.problem.InvalidValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every {@link Directory} must pass this, against a test system holding {@link #expected()}. */
public abstract class DirectoryContract {

    protected abstract Directory directory();

    /** The entries the test system holds, at least three, in the system's order. */
    protected abstract List<Directory.Entry> expected();

    private List<Directory.Entry> all(String search, int limit) {
        List<Directory.Entry> entries = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Directory.Page page = directory().list(search, cursor, limit);
            assertThat(page.entries().size()).isLessThanOrEqualTo(limit);
            entries.addAll(page.entries());
            cursor = page.next();
        } while (cursor.isPresent());
        return entries;
    }

    @Test
    void listsEveryEntryAcrossPages() {
        assertThat(expected()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(all("", 2)).containsExactlyElementsOf(expected());
        assertThat(all("", Directory.MAX_PAGE)).containsExactlyElementsOf(expected());
    }

    @Test
    void searchesLabelsIgnoringCase() {
        Directory.Entry one = expected().get(1);
        String part = one.label().substring(0, Math.min(4, one.label().length())).toUpperCase();

        assertThat(all(part, 50)).contains(one).allSatisfy(e -> assertThat(e.label()).containsIgnoringCase(part));
        assertThat(all("no entry is called this", 50)).isEmpty();
    }

    @Test
    void findsAnEntryById() {
        Directory.Entry one = expected().get(2);
        assertThat(directory().get(one.id())).contains(one);
        assertThat(directory().get("no-such-entry")).isEmpty();
    }

    @Test
    void refusesACursorItDidNotHandOut() {
        assertThatThrownBy(() -> directory().list("", Optional.of("forged-cursor"), 10))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }
}
