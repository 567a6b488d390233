package dev.steward.domain.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.problem.InvalidValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntegrationKindTest {

    private static final IntegrationKind HALO = new IntegrationKind("halopsa", "HaloPSA", Set.of(IntegrationScope.MSP),
            List.of(SettingSpec.required("apiBase", "API base"), SettingSpec.secret("clientSecret", "Client secret"),
                    SettingSpec.optional("scope", "Scope"), SettingSpec.optionalSecret("webhookPassword", "Hook")),
            List.of(Tool.readOnly("halopsa:get-ticket", "")), Map.of());

    @Test
    void completeValuesHaveNoProblem() {
        assertThat(HALO.check(Map.of("apiBase", "https://x"), Map.of("clientSecret", "s"))).isEmpty();
        assertThat(HALO.check(Map.of("apiBase", "https://x", "scope", "all"),
                Map.of("clientSecret", "s", "webhookPassword", "p"))).isEmpty();
    }

    @Test
    void namesEveryMissingUnknownAndMisplacedValue() {
        assertThat(HALO.check(Map.of("apiBase", " ", "clientSecret", "s", "colour", "red"), Map.of("scope", "all")))
                .extracting(InvalidValue::field, InvalidValue::code)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("settings.apiBase", "settings.apiBase.required"),
                        org.assertj.core.groups.Tuple.tuple("secrets.clientSecret", "secrets.clientSecret.required"),
                        org.assertj.core.groups.Tuple.tuple("settings.clientSecret", "settings.clientSecret.misplaced"),
                        org.assertj.core.groups.Tuple.tuple("settings.colour", "settings.colour.unknown"),
                        org.assertj.core.groups.Tuple.tuple("secrets.scope", "secrets.scope.misplaced"));
    }

    @Test
    void refusesAValueLongerThanTheLimit() {
        assertThat(HALO.check(Map.of("apiBase", "x".repeat(IntegrationKind.MAX_VALUE + 1)), Map.of("clientSecret", "s")))
                .extracting(InvalidValue::code).containsExactly("settings.apiBase.too-long");
    }

    @Test
    void toolsMustBeNamedAfterTheKindAndListedOnce() {
        assertThatThrownBy(() -> new IntegrationKind("halopsa", "HaloPSA", Set.of(IntegrationScope.MSP), List.of(),
                List.of(Tool.readOnly("m365:get-user", "")), Map.of())).hasMessageContaining("m365:get-user");
        assertThatThrownBy(() -> new IntegrationKind("halopsa", "HaloPSA", Set.of(IntegrationScope.MSP), List.of(),
                List.of(Tool.readOnly("halopsa:get", ""), Tool.write("halopsa:get", "")), Map.of()))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> new IntegrationKind("halopsa", "HaloPSA", Set.of(), List.of(), List.of(), Map.of()))
                .hasMessageContaining("scope");
        assertThatThrownBy(() -> new IntegrationKind("Halo PSA", "HaloPSA", Set.of(IntegrationScope.MSP), List.of(),
                List.of(), Map.of())).isInstanceOf(InvalidValue.class);
    }

    @Test
    void allowsOnlyItsScopes() {
        assertThat(HALO.allows(IntegrationScope.MSP)).isTrue();
        assertThat(HALO.allows(IntegrationScope.CLIENT)).isFalse();
    }

    @Test
    void aKindNamesWhatItsCallsAreScopedToOrNothing() {
        assertThat(HALO.scopedTo()).isEmpty();
        assertThat(HALO.scopedTo("documentation company").scopedTo()).contains("documentation company");
        assertThat(HALO.scopedTo("documentation company").tools()).isEqualTo(HALO.tools());
        assertThatThrownBy(() -> HALO.scopedTo(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKindDeclaresItsCapabilitiesAndKeepsThemWhenScoped() {
        assertThat(HALO.has(IntegrationCapability.PSA)).as("none unless declared").isFalse();
        IntegrationKind psa = HALO.with(IntegrationCapability.PSA);
        assertThat(psa.has(IntegrationCapability.PSA)).isTrue();
        assertThat(psa.tools()).isEqualTo(HALO.tools());
        assertThat(psa.scopedTo("company").has(IntegrationCapability.PSA)).isTrue();
        assertThat(psa.with(IntegrationCapability.PSA)).isEqualTo(psa);
    }
}
