package dev.steward.application.port.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.port.runtime.AgentCheckIns;
import dev.steward.application.port.runtime.AgentCheckIns.CheckIn;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.client.Client;
import dev.steward.domain.diagnostics.Diagnostics.ResourceUsage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every {@link AgentCheckIns} must pass this: one test per rule of the port's Javadoc. */
public abstract class AgentCheckInsContract {

    protected abstract AgentCheckIns checkIns();

    /** A client the store may reference (stores with foreign keys need it stored first). */
    protected abstract Client aStoredClient();

    @Test
    void keepsTheLatestCheckIn() {
        Client client = aStoredClient();
        checkIns().record(new CheckIn(client.id(), 1, Fixtures.T0));
        checkIns().record(new CheckIn(client.id(), 2, Fixtures.T0.plusSeconds(5)));

        assertThat(checkIns().latest(client.id())).contains(new CheckIn(client.id(), 2, Fixtures.T0.plusSeconds(5)));
    }

    @Test
    void ignoresACheckInOlderThanTheStoredOne() {
        Client client = aStoredClient();
        checkIns().record(new CheckIn(client.id(), 3, Fixtures.T0.plusSeconds(10)));
        checkIns().record(new CheckIn(client.id(), 2, Fixtures.T0.plusSeconds(1)));

        assertThat(checkIns().latest(client.id())).hasValueSatisfying(c -> assertThat(c.runningConfigVersion()).isEqualTo(3));
    }

    @Test
    void keepsTheUsageTheAgentReportedWithItsLatestCheckIn() {
        Client client = aStoredClient();
        var usage = new ResourceUsage(12.5, 90L << 20, 256L << 20, 1_000, 2_000, 3_000, 4_000);
        checkIns().record(new CheckIn(client.id(), 1, Fixtures.T0, Optional.of(usage)));

        assertThat(checkIns().latest(client.id())).contains(new CheckIn(client.id(), 1, Fixtures.T0,
                Optional.of(usage)));

        checkIns().record(new CheckIn(client.id(), 1, Fixtures.T0.plusSeconds(5)));
        assertThat(checkIns().latest(client.id())).as("a check-in without usage keeps the usage reported before")
                .contains(new CheckIn(client.id(), 1, Fixtures.T0.plusSeconds(5), Optional.of(usage)));

        var later = new ResourceUsage(3.0, 80L << 20, 256L << 20, 5_000, 6_000, 7_000, 8_000);
        checkIns().record(new CheckIn(client.id(), 2, Fixtures.T0.plusSeconds(10), Optional.of(later)));
        assertThat(checkIns().latest(client.id())).contains(new CheckIn(client.id(), 2, Fixtures.T0.plusSeconds(10),
                Optional.of(later)));
    }

    @Test
    void readsTheLatestCheckInsOfManyClientsAtOnceLeavingOutThoseWithout() {
        Client first = aStoredClient();
        Client second = aStoredClient();
        Client silent = aStoredClient();
        checkIns().record(new CheckIn(first.id(), 1, Fixtures.T0));
        checkIns().record(new CheckIn(first.id(), 2, Fixtures.T0.plusSeconds(20)));
        checkIns().record(new CheckIn(second.id(), 4, Fixtures.T0.plusSeconds(3)));

        assertThat(checkIns().latest(List.of(first.id(), second.id(), silent.id()))).isEqualTo(Map.of(
                first.id(), new CheckIn(first.id(), 2, Fixtures.T0.plusSeconds(20)),
                second.id(), new CheckIn(second.id(), 4, Fixtures.T0.plusSeconds(3))));
        assertThat(checkIns().latest(List.of())).isEmpty();
    }

    @Test
    void knowsNothingOfAClientThatNeverCheckedIn() {
        assertThat(checkIns().latest(aStoredClient().id())).isEmpty();
    }

    @Test
    void forgettingRemovesTheCheckInsAndIsIdempotent() {
        Client client = aStoredClient();
        checkIns().record(new CheckIn(client.id(), 1, Fixtures.T0));

        checkIns().forget(client.id());
        checkIns().forget(client.id());

        assertThat(checkIns().latest(client.id())).isEmpty();
    }
}
