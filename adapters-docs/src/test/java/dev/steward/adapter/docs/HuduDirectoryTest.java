package dev.steward.adapter.docs;

import dev.steward.application.spi.Directory;
import dev.steward.application.spi.DirectoryContract;
import dev.steward.application.spi.ProviderContext;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.msp.MspId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Hudu's companies as a directory, read page by page from the stub with Hudu's own search. */
class HuduDirectoryTest extends DirectoryContract {

    @RegisterExtension
    static final StubExtension STUBS = new StubExtension();

    private final List<Directory.Entry> expected = new ArrayList<>();
    private DocsDirectory directory;

    @BeforeEach
    void fiveCompanies() {
        for (String name : List.of("Contoso Ltd", "Fabrikam Inc", "Northwind Traders", "Tailspin Toys", "Woodgrove")) {
            expected.add(new Directory.Entry(Long.toString(StubExtension.HUDU.company(name)), name, "Customer, Leeds"));
        }
        directory = (DocsDirectory) new HuduProvider().connect(integration("hudu"),
                StubExtension.huduValues(FakeHudu.API_KEY),
                ProviderContext.defaults(Clock.systemUTC())).directory().orElseThrow();
    }

    static Integration integration(String kind) {
        return Integration.connect(new IntegrationId(UUID.randomUUID()), new MspId(UUID.randomUUID()),
                Optional.empty(), kind, List.of(), Map.of(), Instant.parse("2026-11-22T09:00:00Z"));
    }

    @Override
    protected Directory directory() {
        return directory;
    }

    @Override
    protected List<Directory.Entry> expected() {
        return expected;
    }
}
