package dev.steward.application.testkit;

import static dev.steward.application.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.IntegrationCatalog;
import dev.steward.application.port.IntegrationSettings;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.IntegrationScope;
import dev.steward.domain.integration.SettingSpec;
import dev.steward.domain.problem.InvalidValue;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every {@link IntegrationCatalog} must pass this: one test per rule of the port's Javadoc. */
public abstract class IntegrationCatalogContract {

    protected abstract IntegrationCatalog catalog();

    /** Values complete and usable for {@code kind}: activation must accept them. */
    protected abstract IntegrationSettings usableValues(IntegrationKind kind);

    /** Values complete (every required key given) that the adapter cannot use, e.g. a malformed URL. */
    protected abstract IntegrationSettings unusableValues(IntegrationKind kind);

    /** Whether the adapter uses the integration now (a PSA: its ticket system resolves). */
    protected abstract boolean isLive(Integration integration);

    protected Integration connected(IntegrationKind kind) {
        return Integration.connect(new IntegrationId(UUID.randomUUID()), Fixtures.uniqueMspId(),
                Optional.empty(), kind.name(), kind.tools(), kind.curatedDefaults(), T0);
    }

    @Test
    void offersKindsWithUniqueNames() {
        assertThat(catalog().kinds()).isNotEmpty();
        assertThat(catalog().kinds().stream().map(IntegrationKind::name).distinct().count())
                .isEqualTo(catalog().kinds().size());
    }

    @Test
    void makesAnIntegrationLiveWithUsableValuesAndAgainWhenActivatedAgain() {
        for (IntegrationKind kind : catalog().kinds()) {
            Integration integration = connected(kind);

            catalog().activate(integration, usableValues(kind));
            catalog().activate(integration, usableValues(kind));

            assertThat(isLive(integration)).as("%s is live after activation", kind.name()).isTrue();
        }
    }

    @Test
    void refusesValuesItCannotUseNamingTheField() {
        for (IntegrationKind kind : catalog().kinds()) {
            Integration integration = connected(kind);

            assertThatThrownBy(() -> catalog().activate(integration, unusableValues(kind)))
                    .as("%s with unusable values", kind.name())
                    .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(kind.settings().stream()
                            .map(SettingSpec::field)).as("the field names one of the kind's settings")
                            .contains(e.field()));
            assertThat(isLive(integration)).isFalse();
        }
    }

    @Test
    void stopsUsingADeactivatedIntegrationAndSucceedsWhenItIsNotLive() {
        for (IntegrationKind kind : catalog().kinds()) {
            Integration integration = connected(kind);
            catalog().activate(integration, usableValues(kind));

            catalog().deactivate(integration);
            catalog().deactivate(integration);

            assertThat(isLive(integration)).as("%s after deactivation", kind.name()).isFalse();
        }
    }

    @Test
    void everyKindAllowsAScopeAndNamesItsToolsAfterItself() {
        for (IntegrationKind kind : catalog().kinds()) {
            assertThat(kind.scopes()).isNotEmpty().isSubsetOf(IntegrationScope.values());
            assertThat(kind.tools()).allSatisfy(t -> assertThat(t.name().integration()).isEqualTo(kind.name()));
        }
    }
}
