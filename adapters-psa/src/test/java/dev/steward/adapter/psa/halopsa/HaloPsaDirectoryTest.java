package dev.steward.adapter.psa.halopsa;

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

/** HaloPSA's active clients as a directory. */
class HaloPsaDirectoryTest extends DirectoryContract {

    private static final FakeHaloPsa FAKE = new FakeHaloPsa();
    private static final List<Directory.Entry> COMPANIES = new ArrayList<>();

    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(FAKE)).build();

    @BeforeEach
    void serveFourClientsAndAnInactiveOne() {
        WIREMOCK.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(FAKE.getName())));
        if (COMPANIES.isEmpty()) {
            for (String name : List.of("Alpine Ski Club", "Contoso Ltd", "Fabrikam Inc", "Northwind Traders")) {
                COMPANIES.add(new Directory.Entry(FAKE.seedClient(name, true), name,
                        name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "") + ".example"));
            }
            FAKE.seedClient("Contoso Old", false);
        }
    }

    @Override
    protected Directory directory() {
        return PsaDirectories.of(new HaloPsaProvider(), Map.of("apiBase", WIREMOCK.baseUrl() + "/api/", "tokenUrl",
                WIREMOCK.baseUrl() + "/auth/token?tenant=" + FakeHaloPsa.TENANT, "clientId", FakeHaloPsa.CLIENT_ID),
                Map.of("clientSecret", FakeHaloPsa.CLIENT_SECRET));
    }

    @Override
    protected List<Directory.Entry> expected() {
        return COMPANIES;
    }
}
