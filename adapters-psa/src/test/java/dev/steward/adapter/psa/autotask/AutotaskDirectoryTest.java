package dev.steward.adapter.psa.autotask;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.steward.adapter.psa.common.PsaDirectories;
import dev.steward.application.spi.Directory;
import dev.steward.application.spi.DirectoryContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Autotask's active customers as a directory (a vendor is not listed). */
class AutotaskDirectoryTest extends DirectoryContract {

    private static final FakeAutotask FAKE = new FakeAutotask();
    private static final List<Directory.Entry> COMPANIES = new ArrayList<>();

    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(FAKE)).build();

    @BeforeEach
    void serveFourCustomersAndAVendor() {
        WIREMOCK.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(FAKE.getName())));
        if (COMPANIES.isEmpty()) {
            for (String name : List.of("Alpine Ski Club", "Contoso Ltd", "Fabrikam Inc", "Northwind Traders")) {
                COMPANIES.add(new Directory.Entry(FAKE.seedCompany(name, FakeAutotask.CUSTOMER, true), name,
                        "www.example.com"));
            }
            FAKE.seedCompany("Contoso Supplies", FakeAutotask.VENDOR, true);
        }
    }

    @Override
    protected Directory directory() {
        return PsaDirectories.of(new AutotaskProvider(), Map.of("zoneLookupBase", WIREMOCK.baseUrl()
                + "/atservicesrest/", "userName", FakeAutotask.USER, "integrationCode", FakeAutotask.INTEGRATION_CODE),
                Map.of("secret", FakeAutotask.SECRET));
    }

    @Override
    protected List<Directory.Entry> expected() {
        return COMPANIES;
    }
}
