package dev.steward.application.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListedDirectoryTest extends DirectoryContract {

    private final List<Directory.Entry> entries = List.of(new Directory.Entry("t-1", "Contoso Ltd", "contoso.com"),
            new Directory.Entry("t-2", "Fabrikam Inc", "fabrikam.com"),
            new Directory.Entry("t-3", "Northwind Traders", "northwind.example"),
            new Directory.Entry("t-4", "Woodgrove Bank", ""));

    @Override
    protected Directory directory() {
        return Directory.of(entries);
    }

    @Override
    protected List<Directory.Entry> expected() {
        return entries;
    }

    @Test
    void keepsTheEntriesItWasGivenEvenWhenTheListChangesAfterwards() {
        List<Directory.Entry> source = new ArrayList<>(entries);
        Directory directory = Directory.of(source);
        source.clear();

        assertThat(directory.get("t-3")).contains(entries.get(2));
    }
}
