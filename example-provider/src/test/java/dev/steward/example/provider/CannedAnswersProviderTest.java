package dev.steward.example.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.application.spi.IntegrationProviderContract;
import dev.steward.domain.integration.Tool;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example passes the same kit as every first-party provider. */
class CannedAnswersProviderTest extends IntegrationProviderContract {

    private static final String ANSWERS = "VPN: reconnect the client, then sign in again\nPrinter: restart the spooler";

    @Override
    protected IntegrationProvider provider() {
        return new CannedAnswersProvider();
    }

    @Override
    protected IntegrationSettings usableValues() {
        return new IntegrationSettings(Map.of("answers", ANSWERS), Map.of());
    }

    @Override
    protected IntegrationSettings refusedValues() {
        return new IntegrationSettings(Map.of("answers", "no colon on this line"), Map.of());
    }

    @Override
    protected Map<String, String> argumentsFor(Tool tool) {
        return Map.of("word", "vpn");
    }

    @Test
    void findsTheAnswersAboutAWord() {
        var connection = provider().connect(integration(), usableValues(), context());
        assertThat(connection.execute(call(CannedAnswersProvider.KIND.tools().getFirst().name(),
                Map.of("word", "PRINT"))).summary()).isEqualTo("printer: restart the spooler");
    }
}
