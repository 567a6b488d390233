package dev.steward.application.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.steward.application.InMemoryCore;
import dev.steward.application.mode.ChangeDefaultModeCommand;
import dev.steward.application.port.client.ClientQuery;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.NotFound;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.agent.DeployStatus;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.mode.OperatingMode;
import dev.steward.domain.msp.Msp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CreateClientServiceTest {

    private final InMemoryCore core = new InMemoryCore();
    private final Msp msp = core.anMsp();

    @AfterEach
    void stopAgents() {
        core.close();
    }

    private ClientDetails create(String name, String slug) {
        return core.createClient.create(new CreateClientCommand(msp.id(), name, slug));
    }

    private static Map<String, String> byField(InvalidCommand e) {
        return e.violations().stream().collect(Collectors.toMap(FieldViolation::field, FieldViolation::message));
    }

    @Test
    void registersAClientInCreatingAtOnce() {
        ClientDetails created = create("Acme Corp", "acme-corp");

        assertThat(created.client().status()).isEqualTo(AgentStatus.CREATING);
        assertThat(created.client().deployStatus()).isEqualTo(DeployStatus.DEPLOYING);
        assertThat(created.client().mode()).isEqualTo(OperatingMode.INHERIT);
        assertThat(created.client().msp()).isEqualTo(msp.id());
        assertThat(created.client().createdAt()).isEqualTo(core.clock.instant());
        assertThat(created.client().version()).isEqualTo(1);
        assertThat(created.effectiveMode()).isEqualTo(EffectiveMode.PLAN);
        assertThat(core.details(msp, "acme-corp").client()).isEqualTo(created.client());
        assertThat(core.clients.history(created.client().id())).hasSize(1);
    }

    @Test
    void trimsTheNameButTakesTheSlugAsTyped() {
        ClientDetails created = create("  Acme Corp  ", "acme-corp");

        assertThat(created.client().name().value()).isEqualTo("Acme Corp");
        assertThatThrownBy(() -> create("Globex", " globex"))
                .isInstanceOfSatisfying(InvalidCommand.class,
                        e -> assertThat(byField(e)).containsOnlyKeys("slug"));
    }

    @Test
    void namesEveryInvalidFieldAtOnceAndStoresNothing() {
        InvalidCommand refused = catchThrowableOfType(InvalidCommand.class, () -> create("   ", "Acme_Corp"));

        assertThat(refused).isNotNull();
        assertThat(byField(refused)).containsOnlyKeys("name", "slug");
        assertThat(byField(refused).get("name")).isEqualTo("is required");
        assertThat(byField(refused).get("slug")).contains("uppercase 'A' at position 1");
        assertThat(refused.violations()).extracting(FieldViolation::code)
                .containsExactlyInAnyOrder("name.required", "slug.invalid-character");
        assertThat(core.allClientsOf(msp)).isEmpty();
    }

    @Test
    void reportsMissingFieldsOncePerField() {
        InvalidCommand refused = catchThrowableOfType(InvalidCommand.class,
                () -> core.createClient.create(new CreateClientCommand(null, null, null)));

        assertThat(refused.violations()).extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("msp", "name", "slug");
        assertThat(refused.getMessage()).contains("name: is required").contains("slug: is required");
    }

    @Test
    void refusesOverlongNameAndSlugWithTheirLimits() {
        InvalidCommand refused = catchThrowableOfType(InvalidCommand.class,
                () -> create("n".repeat(101), "s".repeat(64)));

        assertThat(byField(refused)).containsOnlyKeys("name", "slug");
        assertThat(byField(refused).get("name")).isEqualTo("must be at most 100 characters");
        assertThat(byField(refused).get("slug")).contains("at most 63 characters");
    }

    @Test
    void refusesHugeInputsWithoutEchoingThem() {
        InvalidCommand refused = catchThrowableOfType(InvalidCommand.class,
                () -> create("n".repeat(100_000), "s".repeat(100_000)));

        assertThat(byField(refused)).containsOnlyKeys("name", "slug");
        assertThat(refused.getMessage()).hasSizeLessThan(500);
    }

    @Test
    void refusesASlugTakenInTheSameMspAndStoresNothing() {
        ClientDetails first = create("Acme Corp", "acme");

        Conflict refused = catchThrowableOfType(Conflict.class, () -> create("Another Acme", "acme"));

        assertThat(refused.code()).isEqualTo("slug.taken");
        assertThat(refused.field()).contains("slug");
        assertThat(refused.getMessage()).contains("'acme'");
        assertThat(core.allClientsOf(msp)).containsExactly(first.client());
    }

    @Test
    void keepsADestroyedClientsSlugTaken() {
        ClientDetails first = create("Acme Corp", "acme");
        core.deleteClient.delete(new DeleteClientCommand(msp.id(), "acme", "Acme Corp", Optional.empty()));

        assertThatThrownBy(() -> create("Acme Again", "acme")).isInstanceOf(Conflict.class);
        assertThat(core.stored(first.client()).status()).isEqualTo(AgentStatus.DESTROYED);
    }

    @Test
    void allowsTheSameSlugInAnotherMsp() {
        Msp other = core.anMsp();
        create("Acme Corp", "acme");

        ClientDetails elsewhere = core.createClient.create(new CreateClientCommand(other.id(), "Acme Corp", "acme"));

        assertThat(elsewhere.client().msp()).isEqualTo(other.id());
    }

    @Test
    void refusesAnUnknownMspAndStoresNothing() {
        var unknown = Fixtures.uniqueMspId();

        assertThatThrownBy(() -> core.createClient.create(new CreateClientCommand(unknown, "Acme", "acme")))
                .isInstanceOf(NotFound.class)
                .hasMessageContaining("msp");
        assertThat(core.clients.list(ClientQuery.all(unknown))).isEmpty();
        assertThat(core.allClientsOf(msp)).isEmpty();
    }

    @Test
    void followsTheMspsCurrentDefaultMode() {
        core.changeDefaultMode.change(new ChangeDefaultModeCommand(msp.id(), "execute",
                Optional.empty()));

        assertThat(create("Acme Corp", "acme").effectiveMode()).isEqualTo(EffectiveMode.EXECUTE);
    }

    @Test
    void wakesTheProvisioningLoopForTheNewClientOnceItIsCommittedAndNotWhenItRollsBack() {
        List<ClientId> wokenFor = new CopyOnWriteArrayList<>();
        CreateClientService service = new CreateClientService(core.validator, core.clients, core.msps, core.ids,
                core.clock, core.unitOfWork, wokenFor::add);

        // inside a caller's transaction (an Idempotency-Key's): not before that one commits
        ClientDetails created = core.unitOfWork.inTransaction(() -> {
            ClientDetails inner = service.create(new CreateClientCommand(msp.id(), "Acme", "acme"));
            assertThat(wokenFor).as("woken before the client could be read").isEmpty();
            return inner;
        });
        assertThat(wokenFor).containsExactly(created.client().id());

        assertThatThrownBy(() -> core.unitOfWork.inTransaction(() -> {
            service.create(new CreateClientCommand(msp.id(), "Initech", "initech"));
            throw new IllegalStateException("the caller fails after the create");
        })).hasMessageContaining("caller fails");
        assertThat(wokenFor).as("no wake-up for a client that was rolled back").hasSize(1);
    }
}
