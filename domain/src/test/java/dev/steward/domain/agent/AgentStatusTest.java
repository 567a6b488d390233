package dev.steward.domain.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.steward.domain.client.Client;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.ClientName;
import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.IllegalTransition;
import dev.steward.domain.problem.InvalidValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks every (from, to) pair of the agent status machine through {@link Client#movedTo}. The expected table is
 * written out here by hand, copied from PRODUCT.md §1 "Agent status" as spelled out in the {@link AgentStatus}
 * Javadoc, and deliberately not computed from {@link AgentStatus}: a change to the enum's table must fail this test.
 */
class AgentStatusTest {

    /** Rows are "from", columns are "to"; {@code x} = allowed, {@code .} = refused. */
    private static final String TABLE = """
            from \\ to     creating  provisioning  pending  active  error  destroyed
            creating         .           x           x        .      x        x
            provisioning     .           .           x        x      x        x
            pending          .           x           .        .      x        x
            active           .           x           .        .      x        x
            error            .           x           .        .      .        x
            destroyed        .           .           .        .      .        .
            """;

    private static final List<String> ORDER =
            List.of("creating", "provisioning", "pending", "active", "error", "destroyed");
    private static final Instant CREATED = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant LATER = Instant.parse("2026-03-01T08:05:00Z");

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        List<String> rows = TABLE.lines().skip(1).filter(l -> !l.isBlank()).toList();
        assertThat(rows).hasSize(6);
        for (String row : rows) {
            String[] cells = row.trim().split("\\s+");
            assertThat(cells).hasSize(7);
            AgentStatus from = AgentStatus.parse("from", cells[0]);
            for (int column = 0; column < 6; column++) {
                AgentStatus to = AgentStatus.parse("to", ORDER.get(column));
                pairs.add(Arguments.of(from, to, cells[column + 1].equals("x")));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPair")
    void followsTheTransitionTableThroughTheClient(AgentStatus from, AgentStatus to, boolean allowed) {
        Client client = clientIn(from);
        long lastSequence = client.lastChange().sequence();

        if (allowed) {
            Client moved = client.movedTo(to, "because the test says so", LATER);

            assertThat(moved.status()).isEqualTo(to);
            assertThat(moved.lastChange()).isEqualTo(
                    new StatusChange(lastSequence + 1, Optional.of(from), to, LATER, "because the test says so"));
            assertThat(moved.recentHistory()).hasSize(client.recentHistory().size() + 1)
                    .startsWith(client.recentHistory().toArray(StatusChange[]::new));
        } else {
            IllegalTransition refused = catchThrowableOfType(IllegalTransition.class,
                    () -> client.movedTo(to, "because the test says so", LATER));

            assertThat(refused).as("%s -> %s must be refused", from, to).isNotNull();
            assertThat(refused.getMessage()).contains(from.label()).contains(to.label());
            assertThat(refused.from()).isEqualTo(from.label());
            assertThat(refused.to()).isEqualTo(to.label());
            assertThat(refused.code()).isEqualTo("status.illegal-transition");
        }
        assertThat(client.status()).as("the original client is unchanged").isEqualTo(from);
        assertThat(client.lastChange().sequence()).isEqualTo(lastSequence);
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPair")
    void answersCanMoveToFromTheSameTable(AgentStatus from, AgentStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
        assertThat(from.next().contains(to)).isEqualTo(allowed);
    }

    @Test
    void coversAllThirtySixPairs() {
        assertThat(everyPair()).hasSize(36);
        assertThat(AgentStatus.values()).hasSize(6);
    }

    @Test
    void destroyedIsTheOnlyTerminalState() {
        for (AgentStatus status : AgentStatus.values()) {
            assertThat(status.isTerminal()).as(status.label()).isEqualTo(status == AgentStatus.DESTROYED);
        }
    }

    @Test
    void namesCreatingProvisioningAndPendingAsTheStatesTheReconcilerWorksOn() {
        Set<AgentStatus> transitional = EnumSet.noneOf(AgentStatus.class);
        for (AgentStatus status : AgentStatus.values()) {
            if (status.isTransitional()) {
                transitional.add(status);
            }
        }
        assertThat(transitional).containsExactlyInAnyOrder(AgentStatus.CREATING, AgentStatus.PROVISIONING,
                AgentStatus.PENDING);
    }

    @Test
    void doesNotLetCallersChangeTheTableThroughNext() {
        AgentStatus.CREATING.next().clear();

        assertThat(AgentStatus.CREATING.canMoveTo(AgentStatus.PROVISIONING)).isTrue();
    }

    @Test
    void parsesLowercaseLabelsAndRefusesOthersNamingTheField() {
        for (AgentStatus status : AgentStatus.values()) {
            assertThat(AgentStatus.parse("status", status.label())).isEqualTo(status);
        }
        assertThatThrownBy(() -> AgentStatus.parse("status", "ACTIVE"))
                .isInstanceOf(InvalidValue.class)
                .hasMessageContaining("status must be one of creating, provisioning, pending, active, error, destroyed")
                .satisfies(e -> assertThat(((InvalidValue) e).field()).isEqualTo("status"));
        assertThatThrownBy(() -> AgentStatus.parse("status", null)).isInstanceOf(InvalidValue.class);
    }

    /** A stored client in {@code status}, rebuilt without going through movedTo (which is what is under test). */
    private static Client clientIn(AgentStatus status) {
        Client registered = Client.register(new ClientId(UUID.randomUUID()), new MspId(UUID.randomUUID()),
                new ClientName("Acme Corp"), Slug.of("acme-corp"), CREATED);
        if (status == AgentStatus.CREATING) {
            return registered;
        }
        List<StatusChange> history = List.of(registered.lastChange(),
                new StatusChange(2, Optional.of(AgentStatus.CREATING), status, CREATED, "restored for the test"));
        return new Client(registered.id(), registered.msp(), registered.name(), registered.slug(), registered.mode(),
                status, registered.deployStatus(), registered.prompt(), registered.psaMapping(),
                registered.configVersion(), registered.retry(), history, registered.createdAt(), 3);
    }
}
