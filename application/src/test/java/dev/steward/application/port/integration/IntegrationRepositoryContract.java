package dev.steward.application.port.integration;

import static dev.steward.application.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.problem.Conflict;
import dev.steward.application.testkit.StoreContractSupport;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolInput;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.msp.MspId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every {@link IntegrationRepository} must pass this: one test per rule of the port's Javadoc. */
public abstract class IntegrationRepositoryContract extends StoreContractSupport {

    protected abstract IntegrationRepository integrations();

    private static Integration connect(MspId msp, Optional<ClientId> client, String kind) {
        return Integration.connect(new IntegrationId(UUID.randomUUID()), msp, client, kind,
                List.of(Tool.readOnly(kind + ":get-user", "Reads a user"),
                        Tool.write(kind + ":reset-password", "Resets a password"),
                        Tool.write(kind + ":send-mail", "")),
                Map.of(ToolName.of(kind + ":send-mail"), ToolPolicy.DISABLED), T0);
    }

    @Test
    void storesAnIntegrationWithItsToolsAndPoliciesAtVersionOne() {
        MspId msp = storedMsp();
        Integration integration = connect(msp, Optional.of(storedClient(msp).id()), "m365");

        Integration stored = integrations().add(integration);

        assertThat(stored).isEqualTo(integration.atVersion(1));
        assertThat(integrations().find(msp, integration.id())).contains(stored);
        assertThat(stored.policyOf(ToolName.of("m365:reset-password"))).isEqualTo(ToolPolicy.APPROVAL_NEEDED);
    }

    @Test
    void keepsEachToolsInputSensitivityAndTheMspsMarks() {
        MspId msp = storedMsp();
        Tool reset = Tool.write("m365:reset-password", "Resets a password").asSensitive().taking(
                ToolParameter.required("user", ToolParameter.Type.STRING, "UPN").matching("[^@]+@[^@]+").atMost(113),
                ToolParameter.optional("forceChange", ToolParameter.Type.BOOLEAN, "Change at next sign-in"),
                ToolParameter.optional("mode", ToolParameter.Type.STRING, "").oneOf("temporary", "permanent"),
                ToolParameter.optional("extra", ToolParameter.Type.JSON, "Anything"));
        Tool echo = Tool.readOnly("m365:echo", "Echoes").withInput(ToolInput.described(
                "{\"type\":\"object\",\"properties\":{\"message\":{\"type\":\"string\"}}}",
                List.of(ToolParameter.optional("message", ToolParameter.Type.STRING, ""))));
        Tool bare = Tool.readOnly("m365:list-licences", "Lists licences");
        Integration integration = Integration.connect(new IntegrationId(UUID.randomUUID()), msp, Optional.empty(),
                "m365", List.of(reset, echo, bare), Map.of(), T0).withSensitivityMark(bare.name(), true);

        Integration stored = integrations().add(integration);

        assertThat(integrations().find(msp, integration.id())).contains(stored);
        Integration found = integrations().find(msp, integration.id()).orElseThrow();
        assertThat(found.tools()).containsExactly(reset, echo, bare);
        assertThat(found.markedSensitive()).containsExactly(bare.name());
        Integration unmarked = integrations().update(found.withSensitivityMark(bare.name(), false));
        assertThat(integrations().find(msp, integration.id())).contains(unmarked);
        assertThat(unmarked.isSensitive(bare.name())).isFalse();
    }

    @Test
    void refusesASecondIntegrationOfTheSameKindInOneScope() {
        MspId msp = storedMsp();
        ClientId client = storedClient(msp).id();
        integrations().add(connect(msp, Optional.empty(), "halopsa"));
        integrations().add(connect(msp, Optional.of(client), "halopsa"));
        Integration again = connect(msp, Optional.empty(), "halopsa");

        assertThatThrownBy(() -> integrations().add(again))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.code()).isEqualTo("integration.exists"));
        assertThatThrownBy(() -> integrations().add(connect(msp, Optional.of(client), "halopsa")))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.code()).isEqualTo("integration.exists"));
        assertThat(integrations().find(msp, again.id())).isEmpty();
    }

    @Test
    void allowsTheSameKindInAnotherScope() {
        MspId msp = storedMsp();
        Integration mspWide = integrations().add(connect(msp, Optional.empty(), "hudu"));
        Integration clientOwn = integrations().add(connect(msp, Optional.of(storedClient(msp).id()), "hudu"));
        MspId otherMsp = storedMsp();
        Integration otherMspWide = integrations().add(connect(otherMsp, Optional.empty(), "hudu"));

        assertThat(integrations().find(msp, mspWide.id())).contains(mspWide);
        assertThat(integrations().find(msp, clientOwn.id())).contains(clientOwn);
        assertThat(integrations().find(otherMsp, otherMspWide.id())).contains(otherMspWide);
    }

    @Test
    void findsNothingOfAnotherMsp() {
        MspId msp = storedMsp();
        Integration integration = integrations().add(connect(msp, Optional.empty(), "m365"));

        assertThat(integrations().find(storedMsp(), integration.id())).isEmpty();
    }

    @Test
    void listsTheMspWideOnesOrTheOnesOfOneClientOrderedByKind() {
        MspId msp = storedMsp();
        ClientId client = storedClient(msp).id();
        Integration m365 = integrations().add(connect(msp, Optional.empty(), "m365"));
        Integration halo = integrations().add(connect(msp, Optional.empty(), "halopsa"));
        Integration docs = integrations().add(connect(msp, Optional.of(client), "mcp:docs"));
        integrations().add(connect(storedMsp(), Optional.empty(), "autotask"));

        assertThat(integrations().list(msp, Optional.empty())).containsExactly(halo, m365);
        assertThat(integrations().list(msp, Optional.of(client))).containsExactly(docs);
        assertThat(integrations().list(msp, Optional.of(storedClient(msp).id()))).isEmpty();
    }

    @Test
    void savesChangedPoliciesAtTheNextVersion() {
        MspId msp = storedMsp();
        Integration stored = integrations().add(connect(msp, Optional.empty(), "m365"));

        Integration updated = integrations().update(stored.withPolicy(ToolName.of("m365:reset-password"),
                ToolPolicy.AUTO));

        assertThat(updated.version()).isEqualTo(2);
        assertThat(integrations().find(msp, stored.id())).contains(updated);
        assertThat(updated.policyOf(ToolName.of("m365:reset-password"))).isEqualTo(ToolPolicy.AUTO);
    }

    @Test
    void rejectsAnUpdateBasedOnAStaleVersionAndChangesNothing() {
        MspId msp = storedMsp();
        Integration stored = integrations().add(connect(msp, Optional.empty(), "m365"));
        Integration winner = integrations().update(stored.withPolicy(ToolName.of("m365:get-user"),
                ToolPolicy.DISABLED));

        assertThatThrownBy(() -> integrations().update(stored.withPolicy(ToolName.of("m365:send-mail"),
                ToolPolicy.AUTO)))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.code()).isEqualTo("version.stale"));
        assertThat(integrations().find(msp, stored.id())).contains(winner);
    }

    @Test
    void removesAnIntegrationAndSucceedsWhenItIsAlreadyGone() {
        MspId msp = storedMsp();
        Integration stored = integrations().add(connect(msp, Optional.empty(), "m365"));

        integrations().remove(msp, stored.id());
        integrations().remove(msp, stored.id());

        assertThat(integrations().find(msp, stored.id())).isEmpty();
        assertThat(integrations().add(connect(msp, Optional.empty(), "m365")).version())
                .as("the kind is free again in that scope").isEqualTo(1);
    }

    @Test
    void removesNothingOfAnotherMsp() {
        MspId msp = storedMsp();
        Integration stored = integrations().add(connect(msp, Optional.empty(), "m365"));

        integrations().remove(storedMsp(), stored.id());

        assertThat(integrations().find(msp, stored.id())).contains(stored);
    }

    @Test
    void forgetsAnIntegrationAddedInAUnitOfWorkThatFails() {
        MspId msp = storedMsp();
        Integration integration = connect(msp, Optional.empty(), "m365");

        assertThatThrownBy(() -> unitOfWork().run(() -> {
            integrations().add(integration);
            throw new IllegalStateException("the use case failed");
        })).hasMessage("the use case failed");

        assertThat(integrations().find(msp, integration.id())).isEmpty();
    }

    @Test
    void recordsTheLatestAcceptedWebhookDeliveryOfTheMspWideIntegrationOfAKind() {
        MspId msp = storedMsp();
        Integration psa = integrations().add(connect(msp, Optional.empty(), "autotask"));
        Integration clientsOwn = integrations().add(connect(msp, Optional.of(storedClient(msp).id()), "autotask"));
        assertThat(integrations().lastWebhookDelivery(msp, psa.id())).as("never delivered").isEmpty();

        integrations().recordWebhookDelivery(msp, "autotask", T0.plusSeconds(60));
        integrations().recordWebhookDelivery(msp, "autotask", T0.plusSeconds(30));

        assertThat(integrations().lastWebhookDelivery(msp, psa.id()))
                .as("an earlier time (a delivery checked in parallel that finished later) does not replace it")
                .contains(T0.plusSeconds(60));
        assertThat(integrations().lastWebhookDelivery(msp, clientsOwn.id())).as("a client's own is not the PSA")
                .isEmpty();
        assertThat(integrations().find(msp, psa.id()).orElseThrow().version()).as("the version does not change")
                .isEqualTo(1);
        assertThat(integrations().lastWebhookDelivery(storedMsp(), psa.id())).as("another MSP sees nothing")
                .isEmpty();
    }

    @Test
    void recordsNothingForAnMspWithoutThatKind() {
        MspId msp = storedMsp();
        Integration other = integrations().add(connect(msp, Optional.empty(), "m365"));

        integrations().recordWebhookDelivery(msp, "autotask", T0);
        integrations().recordWebhookDelivery(storedMsp(), "m365", T0);

        assertThat(integrations().lastWebhookDelivery(msp, other.id())).isEmpty();
    }
}
