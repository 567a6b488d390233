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

/** IT Glue's organizations as a directory, read page by page from the stub with its filter[name]. */
class ItGlueDirectoryTest extends DirectoryContract {

    @RegisterExtension
    static final StubExtension STUBS = new StubExtension();

    private final List<Directory.Entry> expected = new ArrayList<>();
    private DocsDirectory directory;

    @BeforeEach
    void fiveCompanies() {
        for (String name : List.of("Contoso Ltd", "Fabrikam Inc", "Northwind Traders", "Tailspin Toys", "Woodgrove")) {
            expected.add(new Directory.Entry(Long.toString(StubExtension.ITGLUE.organization(name)), name, "Customer, Active"));
        }
        directory = (DocsDirectory) new ItGlueProvider().connect(HuduDirectoryTest.integration("itglue"),
                StubExtension.itGlueValues(FakeItGlue.API_KEY),
                ProviderContext.defaults(Clock.systemUTC())).directory().orElseThrow();
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
