package dev.steward.adapter.psa.connectwise;

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

/** ConnectWise's companies as a directory: every company not deleted, paged within the page size. */
class ConnectWiseDirectoryTest extends DirectoryContract {

    private static final FakeConnectWise FAKE = new FakeConnectWise();
    private static final List<Directory.Entry> COMPANIES = new ArrayList<>();

    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(FAKE)).build();

    @BeforeEach
    void serveFourCompaniesAndADeletedOne() {
        WIREMOCK.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(FAKE.getName())));
        if (COMPANIES.isEmpty()) {
            for (String name : List.of("Alpine Ski Club", "Contoso Ltd", "Fabrikam Inc", "Northwind Traders")) {
                COMPANIES.add(new Directory.Entry(FAKE.seedCompany(name, false), name, name.replace(" ", "")));
            }
            FAKE.seedCompany("Contoso Old", true);
        }
    }

    @Override
    protected Directory directory() {
        return PsaDirectories.of(new ConnectWiseProvider(), Map.of("apiBase", WIREMOCK.baseUrl()
                + FakeConnectWise.PREFIX, "companyId", FakeConnectWise.COMPANY, "publicKey", FakeConnectWise.PUBLIC_KEY),
                Map.of("privateKey", FakeConnectWise.PRIVATE_KEY, "clientId", FakeConnectWise.CLIENT_ID));
    }

    @Override
    protected List<Directory.Entry> expected() {
        return COMPANIES;
    }
}
