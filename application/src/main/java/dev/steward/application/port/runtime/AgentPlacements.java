package dev.steward.application.port.runtime;

import dev.steward.application.stability.Experimental;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.MspId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which control-plane instance runs each client's in-process agent, with the configuration version it should run and
 * whether it exited. Shared through the store, so that each agent runs on exactly one live instance however many
 * share the store, and moves to another when its instance dies. ({@code AgentPlacementsContract}.)
 */
@Experimental
public interface AgentPlacements {

    /**
     * One client's agent as placed. {@code exitCode} is set once the agent died (it is then not running anywhere
     * until placed again).
     */
    record Placement(ClientId client, MspId msp, Slug slug, InstanceId instance, long configVersion,
                     OptionalInt exitCode, String detail) {

        public Placement {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(msp, "msp");
            Objects.requireNonNull(slug, "slug");
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(exitCode, "exitCode");
            detail = detail == null ? "" : detail;
        }

        public static Placement running(ClientId client, MspId msp, Slug slug, InstanceId instance,
                                        long configVersion) {
            return new Placement(client, msp, slug, instance, configVersion, OptionalInt.empty(), "");
        }

        public boolean exited() {
            return exitCode.isPresent();
        }

        /** Running on {@code other} (no longer exited). */
        public Placement on(InstanceId other) {
            return new Placement(client, msp, slug, other, configVersion, OptionalInt.empty(), "");
        }

        /** Moved to {@code other} as it is (an exited agent stays exited). */
        public Placement movedTo(InstanceId other) {
            return new Placement(client, msp, slug, other, configVersion, exitCode, detail);
        }

        public Placement withVersion(long version) {
            return new Placement(client, msp, slug, instance, version, exitCode, detail);
        }

        public Placement exitedWith(int code, String why) {
            return new Placement(client, msp, slug, instance, configVersion, OptionalInt.of(code), why);
        }
    }

    /**
     * The client's placement. Inside a unit of work it stays locked until the work ends, so two instances deciding
     * where one agent runs decide one after the other.
     */
    Optional<Placement> find(ClientId client);

    /** Stores the placement, replacing the client's earlier one. */
    void save(Placement placement);

    /** Forgets the client's placement; nothing when there is none. */
    void remove(ClientId client);

    /** Every placement. */
    List<Placement> all();

    /** The placements on {@code instance}. */
    List<Placement> on(InstanceId instance);

    /**
     * Moves up to {@code max} placements whose instance is not live (no heartbeat within {@code liveWithin}, by the
     * {@link InstanceRegistry}) to {@code newOwner}, each exactly once however many instances ask at the same time, and
     * returns them as moved. Exited placements move as they are (still exited).
     */
    List<Placement> takeOver(InstanceId newOwner, Duration liveWithin, int max);
}
