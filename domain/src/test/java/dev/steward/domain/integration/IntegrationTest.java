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
import java.util.Set;
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
        assertThatThrownBy(() -> new Integration(id, msp, Optional.empty(), "m365", List.of(GET_USER), Map.of(), Set.of(), T0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no policy");
        assertThatThrownBy(() -> new Integration(id, msp, Optional.empty(), "m365", List.of(),
                Map.of(GET_USER.name(), ToolPolicy.AUTO), Set.of(), T0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not have");
    }

    @Test
    void aToolIsSensitiveWhenItsCatalogOrTheMspMarksIt() {
        Tool reset = Tool.write("m365:reset-password", "Resets a password").asSensitive();
        Integration m365 = Integration.connect(new IntegrationId(UUID.randomUUID()), new MspId(UUID.randomUUID()),
                Optional.empty(), "m365", List.of(GET_USER, reset), Map.of(), T0);

        assertThat(m365.isSensitive(reset.name())).isTrue();
        assertThat(m365.isSensitive(GET_USER.name())).isFalse();
        Integration marked = m365.withSensitivityMark(GET_USER.name(), true);
        assertThat(marked.isSensitive(GET_USER.name())).isTrue();
        assertThat(marked.withSensitivityMark(GET_USER.name(), false).isSensitive(GET_USER.name())).isFalse();
        assertThat(marked.withSensitivityMark(reset.name(), false).isSensitive(reset.name()))
                .as("the catalog's mark stays").isTrue();
        assertThatThrownBy(() -> m365.withSensitivityMark(ToolName.of("m365:nothing"), true))
                .isInstanceOf(InvalidValue.class).hasMessage("tool is not a tool of integration m365");
        assertThatThrownBy(() -> m365.isSensitive(ToolName.of("m365:nothing"))).isInstanceOf(InvalidValue.class);
    }

    @Test
    void offeringANewCatalogKeepsPoliciesAndMarksOfKeptToolsAndSeedsNewOnes() {
        Tool reset = Tool.write("m365:reset-password", "Resets a password");
        Integration m365 = Integration.connect(new IntegrationId(UUID.randomUUID()), new MspId(UUID.randomUUID()),
                Optional.empty(), "m365", List.of(GET_USER, reset), Map.of(), T0)
                .withPolicy(GET_USER.name(), ToolPolicy.DISABLED).withSensitivityMark(GET_USER.name(), true)
                .withSensitivityMark(reset.name(), true);
        Tool getUserNow = GET_USER.taking(ToolParameter.required("user", ToolParameter.Type.STRING, "UPN"));
        Tool block = Tool.write("m365:block-sign-in", "Blocks sign-in");

        Integration now = m365.offering(List.of(getUserNow, block), Map.of(block.name(), ToolPolicy.DISABLED));

        assertThat(now.tools()).containsExactly(getUserNow, block);
        assertThat(now.policyOf(GET_USER.name())).isEqualTo(ToolPolicy.DISABLED);
        assertThat(now.policyOf(block.name())).isEqualTo(ToolPolicy.DISABLED);
        assertThat(now.isSensitive(GET_USER.name())).isTrue();
        assertThat(now.markedSensitive()).containsExactly(GET_USER.name());
        assertThat(now.id()).isEqualTo(m365.id());
        assertThat(now.version()).isEqualTo(m365.version());
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

    private static final Tool GET_PASSWORD = Tool.readOnly("hudu:get-password", "").asSensitive();

    private static Integration hudu(Map<ToolName, ToolPolicy> curated) {
        return Integration.connect(new IntegrationId(UUID.randomUUID()), new MspId(UUID.randomUUID()), Optional.empty(),
                "hudu", List.of(GET_PASSWORD, Tool.readOnly("hudu:get-article", "")), curated, T0);
    }

    @Test
    void aSensitiveToolIsSeededWaitingForApprovalEvenWhenReadOnlyOrCuratedAuto() {
        assertThat(hudu(Map.of()).policyOf(GET_PASSWORD.name())).isEqualTo(ToolPolicy.APPROVAL_NEEDED);
        assertThat(hudu(Map.of(GET_PASSWORD.name(), ToolPolicy.AUTO)).policyOf(GET_PASSWORD.name()))
                .isEqualTo(ToolPolicy.APPROVAL_NEEDED);
        assertThat(hudu(Map.of(GET_PASSWORD.name(), ToolPolicy.DISABLED)).policyOf(GET_PASSWORD.name()))
                .isEqualTo(ToolPolicy.DISABLED);
    }

    @Test
    void aSensitiveToolsPolicyCannotBeSetToAutoAndTheErrorNamesThePolicy() {
        Integration hudu = hudu(Map.of(GET_PASSWORD.name(), ToolPolicy.DISABLED));

        assertThatThrownBy(() -> hudu.withPolicy(GET_PASSWORD.name(), ToolPolicy.AUTO))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("policy"))
                .hasMessageContaining("cannot be auto: hudu:get-password is sensitive");
        assertThat(hudu.withPolicy(GET_PASSWORD.name(), ToolPolicy.APPROVAL_NEEDED).policyOf(GET_PASSWORD.name()))
                .isEqualTo(ToolPolicy.APPROVAL_NEEDED);
    }

    @Test
    void aToolTheMspMarksSensitiveStopsRunningAutomaticallyAndCannotBeSetBack() {
        Integration m365 = connect(Map.of());

        Integration marked = m365.withSensitivityMark(GET_USER.name(), true);

        assertThat(marked.policyOf(GET_USER.name())).isEqualTo(ToolPolicy.APPROVAL_NEEDED);
        assertThatThrownBy(() -> marked.withPolicy(GET_USER.name(), ToolPolicy.AUTO))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("policy"));
        Integration unmarked = marked.withSensitivityMark(GET_USER.name(), false);
        assertThat(unmarked.policyOf(GET_USER.name())).as("still waiting until the MSP chooses auto again")
                .isEqualTo(ToolPolicy.APPROVAL_NEEDED);
        assertThat(unmarked.withPolicy(GET_USER.name(), ToolPolicy.AUTO).policyOf(GET_USER.name()))
                .isEqualTo(ToolPolicy.AUTO);
    }

    @Test
    void aToolThatBecomesSensitiveInItsCatalogOrWasKeptAutoLoadsWaitingForApproval() {
        Integration m365 = connect(Map.of());

        Integration offered = m365.offering(List.of(GET_USER.asSensitive(), RESET_PASSWORD), Map.of());
        Integration kept = new Integration(m365.id(), m365.msp(), Optional.empty(), "m365", List.of(GET_USER),
                Map.of(GET_USER.name(), ToolPolicy.AUTO), Set.of(GET_USER.name()), T0, 3);

        assertThat(offered.policyOf(GET_USER.name())).isEqualTo(ToolPolicy.APPROVAL_NEEDED);
        assertThat(kept.policyOf(GET_USER.name())).isEqualTo(ToolPolicy.APPROVAL_NEEDED);
    }
}
