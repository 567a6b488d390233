package dev.steward.adapter.docs;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.spi.IntegrationProviderContract;
import dev.steward.domain.integration.Tool;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SPI kit run against one documentation platform's fake: one company documented before each test (a runbook
 * article, a server, a person, a password), the kit's tool calls pointed at those records, and the client mapped to
 * that company. A subclass names its provider, how its values are built from an API key, and how it documents.
 */
abstract class DocsProviderTest extends IntegrationProviderContract {

    @RegisterExtension
    static final StubExtension STUBS = new StubExtension();

    /** The ids of what {@link #documentOneCompany()} wrote. */
    protected record Documented(long company, long article, long asset, long password) {}

    private Documented documented;

    /** Documents "Contoso Ltd" in the fake: a VPN runbook, server SRV-DC01, the person Dana Scully, a password. */
    protected abstract Documented documentOneCompany();

    /** The values that point the provider at the fake with {@code apiKey}. */
    protected abstract IntegrationSettings values(String apiKey);

    /** The API key the fake accepts. */
    protected abstract String apiKey();

    @BeforeEach
    void document() {
        documented = documentOneCompany();
    }

    @Override
    protected final IntegrationSettings usableValues() {
        return values(apiKey());
    }

    @Override
    protected final IntegrationSettings refusedValues() {
        return values("wrong-key");
    }

    @Override
    protected final Optional<String> mappedEntry() {
        return Optional.of(Long.toString(documented.company()));
    }

    @Override
    protected final Map<String, String> argumentsFor(Tool tool) {
        return switch (tool.name().action()) {
            case "search-articles" -> Map.of("query", "vpn");
            case "get-article" -> Map.of("id", Long.toString(documented.article()));
            case "get-asset" -> Map.of("id", Long.toString(documented.asset()));
            case "get-password" -> Map.of("id", Long.toString(documented.password()));
            default -> Map.of();
        };
    }
}
