package dev.steward.domain.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntegrationTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Tool GET_USER = Tool.readOnly("m365:get-user", "");
    private static final Tool RESET_PASSWORD = Tool.write("m365:reset-password", "");
    private static final Tool DISABLE_USER = Tool.write("m365:disable-user", "");

    private static Integration connect(Map<ToolName, ToolPolicy> curated) {
        return Integration.connect(new IntegrationId(UUID.randomUUID()), new MspId(UUID.randomUUID()), Optional.empty(),
                "m365", List.of(GET_USER, RESET_PASSWORD, DISABLE_USER), curated, T0);
    }

    @Test
    void seedsEachToolsPolicyFromItsEffect() {
        Integration m365 = connect(Map.of());

        assertThat(m365.policyOf(GET_USER.name())).isEqualTo(ToolPolicy.AUTO);
        assertThat(m365.policyOf(RESET_PASSWORD.name())).isEqualTo(ToolPolicy.APPROVAL_NEEDED);
        assertThat(m365.policyOf(DISABLE_USER.name())).isEqualTo(ToolPolicy.APPROVAL_NEEDED);
        assertThat(m365.version()).isZero();
        assertThat(m365.connectedAt()).isEqualTo(T0);
    }

    @Test
    void letsACatalogsCuratedDefaultWinOverTheEffect() {
        Integration m365 = connect(Map.of(DISABLE_USER.name(), ToolPolicy.DISABLED,
                ToolName.of("m365:not-offered"), ToolPolicy.AUTO));

        assertThat(m365.policyOf(DISABLE_USER.name())).isEqualTo(ToolPolicy.DISABLED);
        assertThat(m365.policyOf(RESET_PASSWORD.name())).isEqualTo(ToolPolicy.APPROVAL_NEEDED);
        assertThat(m365.policies()).hasSize(3);
    }

    @Test
    void changesOneToolsPolicyAndNoOther() {
        Integration m365 = connect(Map.of());

        Integration changed = m365.withPolicy(RESET_PASSWORD.name(), ToolPolicy.AUTO);

        assertThat(changed.policyOf(RESET_PASSWORD.name())).isEqualTo(ToolPolicy.AUTO);
        assertThat(changed.policyOf(DISABLE_USER.name())).isEqualTo(ToolPolicy.APPROVAL_NEEDED);
        assertThat(m365.policyOf(RESET_PASSWORD.name())).isEqualTo(ToolPolicy.APPROVAL_NEEDED);
    }

    @Test
    void refusesAPolicyForAToolItDoesNotHave() {
        Integration m365 = connect(Map.of());

        assertThatThrownBy(() -> m365.withPolicy(ToolName.of("hudu:search-articles"), ToolPolicy.AUTO))
                .isInstanceOf(InvalidValue.class)
                .hasMessage("tool is not a tool of integration m365");
        assertThat(m365.tool(ToolName.of("hudu:search-articles"))).isEmpty();
        assertThat(m365.tool(GET_USER.name())).contains(GET_USER);
    }

    @Test
    void keepsEveryToolAndPolicyInStep() {
        MspId msp = new MspId(UUID.randomUUID());
        IntegrationId id = new IntegrationId(UUID.randomUUID());
        assertThatThrownBy(() -> new Integration(id, msp, Optional.empty(), "m365", List.of(GET_USER), Map.of(), T0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no policy");
        assertThatThrownBy(() -> new Integration(id, msp, Optional.empty(), "m365", List.of(),
                Map.of(GET_USER.name(), ToolPolicy.AUTO), T0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not have");
    }

    @Test
    void canBeOneClientsOwn() {
        ClientId client = new ClientId(UUID.randomUUID());
        Integration okta = Integration.connect(new IntegrationId(UUID.randomUUID()), new MspId(UUID.randomUUID()),
                Optional.of(client), "okta", List.of(Tool.readOnly("okta:get-user", "")), Map.of(), T0);

        assertThat(okta.client()).contains(client);
    }

    @ParameterizedTest
    @ValueSource(strings = {"connectwise", "m365", "hudu", "it-glue", "mcp:docs"})
    void acceptsLowerKebabKinds(String kind) {
        assertThat(Integration.connect(new IntegrationId(UUID.randomUUID()), new MspId(UUID.randomUUID()),
                Optional.empty(), kind, List.of(), Map.of(), T0).kind()).isEqualTo(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ConnectWise", "it_glue", "-hudu", "hudu-", "mcp:docs:extra", "a b"})
    void refusesOtherKindsNamingTheField(String kind) {
        assertThatThrownBy(() -> Integration.connect(new IntegrationId(UUID.randomUUID()), new MspId(UUID.randomUUID()),
                Optional.empty(), kind, List.of(), Map.of(), T0))
                .isInstanceOf(InvalidValue.class)
                .satisfies(e -> assertThat(((InvalidValue) e).field()).isEqualTo("kind"));
    }
}
