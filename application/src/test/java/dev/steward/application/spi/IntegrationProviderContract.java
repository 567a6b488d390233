package dev.steward.application.spi;

import static dev.steward.application.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.problem.NotFound;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.application.spi.ProviderContext;
import dev.steward.application.spi.SpiVersion;
import dev.steward.application.spi.ToolCall;
import dev.steward.application.spi.ToolResult;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ClientMapping;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationCapability;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.IntegrationScope;
import dev.steward.domain.integration.JsonText;
import dev.steward.domain.integration.SettingSpec;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every {@link IntegrationProvider} must pass this, against a test double of its system (a stub server): one test per
 * rule of the SPI's Javadoc. The most important one: every tool a connection offers runs.
 */
public abstract class IntegrationProviderContract {

    protected abstract IntegrationProvider provider();

    /** Values the test system accepts. */
    protected abstract IntegrationSettings usableValues();

    /** Complete values (every required key given) that the provider or the test system refuses. */
    protected abstract IntegrationSettings refusedValues();

    /** Arguments with which {@code tool} runs against the test system. */
    protected abstract Map<String, String> argumentsFor(Tool tool);

    /** The directory entry a client of the calls is mapped to, for kinds whose tools act inside one. */
    protected Optional<String> mappedEntry() {
        return Optional.empty();
    }

    protected ProviderContext context() {
        return ProviderContext.defaults(Clock.systemUTC());
    }

    private final MspId msp = Fixtures.uniqueMspId();
    private final ClientId client = new ClientId(UUID.randomUUID());

    protected Integration integration() {
        IntegrationKind kind = provider().kind();
        Optional<ClientId> owner = kind.allows(IntegrationScope.MSP) ? Optional.empty() : Optional.of(client);
        return Integration.connect(new IntegrationId(UUID.randomUUID()), msp, owner, kind.name(), kind.tools(),
                kind.curatedDefaults(), T0);
    }

    protected ToolCall call(ToolName tool, Map<String, String> arguments) {
        return new ToolCall(msp, client, mappedEntry().map(id -> new ClientMapping(msp, client,
                provider().kind().name(), id, "")), UUID.randomUUID(), "dana@contoso.example", tool, arguments);
    }

    @Test
    void offersAWellFormedKindBuiltForThisSpi() {
        IntegrationKind kind = provider().kind();

        assertThat(provider().spiMajor()).isEqualTo(SpiVersion.MAJOR);
        assertThat(kind.scopes()).isNotEmpty();
        assertThat(kind.tools()).allSatisfy(tool -> {
            assertThat(tool.name().integration()).isEqualTo(kind.name());
            assertThat(JsonText.isObject(tool.input().jsonSchema())).as("%s renders a JSON Schema", tool.name())
                    .isTrue();
        });
    }

    @Test
    void aConnectionOffersTheToolsOfItsKind() {
        try (IntegrationConnection connection = provider().connect(integration(), usableValues(), context())) {
            if (!provider().kind().tools().isEmpty()) {
                assertThat(connection.tools()).containsExactlyElementsOf(provider().kind().tools());
            }
            assertThat(connection.tools()).allSatisfy(t -> assertThat(t.name().integration())
                    .isEqualTo(provider().kind().name()));
        }
    }

    @Test
    void declaresItselfAPsaExactlyWhenItsConnectionsAreTicketSystems() {
        try (IntegrationConnection connection = provider().connect(integration(), usableValues(), context())) {
            assertThat(provider().kind().has(IntegrationCapability.PSA))
                    .as("the catalog says PSA if and only if a connection offers a ticket system")
                    .isEqualTo(connection.ticketSystem().isPresent());
        }
    }

    @Test
    void refusesValuesItsSystemCannotUseNamingTheField() {
        assertThatThrownBy(() -> provider().connect(integration(), refusedValues(), context()))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(provider().kind().settings().stream()
                        .map(SettingSpec::field)).as("the field names one of the kind's settings").contains(e.field()));
    }

    @Test
    void runsEveryToolItOffers() {
        try (IntegrationConnection connection = provider().connect(integration(), usableValues(), context())) {
            for (Tool tool : connection.tools()) {
                Map<String, String> arguments = argumentsFor(tool);
                assertThat(tool.input().check(arguments)).as("the arguments given for %s fit its input", tool.name())
                        .isEmpty();

                ToolResult result = connection.execute(call(tool.name(), arguments));

                assertThat(result.summary()).as("%s summarises what it did", tool.name()).isNotBlank();
            }
        }
    }

    @Test
    void aToolItDoesNotOfferIsNotFound() {
        try (IntegrationConnection connection = provider().connect(integration(), usableValues(), context())) {
            ToolName unknown = ToolName.of(provider().kind().name() + ":no-such-tool");
            assertThatThrownBy(() -> connection.execute(call(unknown, Map.of())))
                    .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.getMessage()).contains(unknown.value()));
        }
    }
}
