package dev.steward.adapter.docs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.steward.application.port.integration.IntegrationSettings;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Hudu stub under {@code /hudu} and an IT Glue stub under {@code /itglue} on one WireMock server for the test run
 * (an extension, so contract-kit subclasses can use it too); each test starts with both empty.
 */
final class StubExtension implements BeforeEachCallback {

    static final FakeHudu HUDU = new FakeHudu();
    static final FakeItGlue ITGLUE = new FakeItGlue();
    private static WireMockServer server;

    static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(wireMockConfig().dynamicPort().extensions(HUDU, ITGLUE));
            server.start();
            server.stubFor(any(urlPathMatching("/hudu/.*")).willReturn(aResponse().withTransformers(FakeHudu.NAME)));
            server.stubFor(any(urlPathMatching("/itglue/.*"))
                    .willReturn(aResponse().withTransformers(FakeItGlue.NAME)));
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server();
        HUDU.reset();
        ITGLUE.reset();
    }

    static String baseUrl() {
        return server().baseUrl();
    }

    static IntegrationSettings huduValues(String key) {
        return new IntegrationSettings(Map.of("url", baseUrl() + "/hudu"), Map.of("apiKey", key));
    }

    static IntegrationSettings itGlueValues(String key) {
        return new IntegrationSettings(Map.of("apiUrl", baseUrl() + "/itglue"), Map.of("apiKey", key));
    }
}
