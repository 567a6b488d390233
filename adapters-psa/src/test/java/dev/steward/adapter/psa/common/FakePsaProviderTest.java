package dev.steward.adapter.psa.common;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.steward.application.port.psa.TicketSystemContract.TicketSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@link PsaProviderContract} run against one vendor's fake behind WireMock: each test gets a fresh fake and
 * server, every request is answered by the fake unless a test stubs a failure with a higher priority, and tickets and
 * contacts are seeded in the fake. A subclass names its provider, its values and its vendor's specifics.
 */
public abstract class FakePsaProviderTest<F extends FakePsaApi> extends PsaProviderContract {

    /** The vendor's API in memory, fresh for each test. */
    protected final F fake;

    @RegisterExtension
    final WireMockExtension server;

    protected FakePsaProviderTest(F fake) {
        this.fake = fake;
        this.server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().extensions(fake)).build();
    }

    @BeforeEach
    void answerFromTheFake() {
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(fake.getName())));
    }

    @Override
    protected final WireMockExtension wiremock() {
        return server;
    }

    @Override
    protected final String seed(TicketSeed ticket) {
        return fake.seed(ticket);
    }

    @Override
    protected final String seedContact(String company, String first, String last, String email, boolean active) {
        return fake.seedContact(company, first, last, email, active);
    }
}
