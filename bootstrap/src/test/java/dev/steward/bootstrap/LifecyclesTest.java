package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.lifecycle.Lifecycle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecyclesTest {

    private final List<String> events = new ArrayList<>();

    /** A part that records its starts and stops, and fails where told to. */
    private final class Part implements Lifecycle {
        private final String name;
        private final Phase phase;
        private final boolean failsToStart;
        private final boolean failsToStop;

        Part(String name, Phase phase, boolean failsToStart, boolean failsToStop) {
            this.name = name;
            this.phase = phase;
            this.failsToStart = failsToStart;
            this.failsToStop = failsToStop;
        }

        Part(String name, Phase phase) {
            this(name, phase, false, false);
        }

        @Override
        public Phase phase() {
            return phase;
        }

        @Override
        public void start() {
            if (failsToStart) {
                throw new IllegalStateException(name + " cannot start");
            }
            events.add("start " + name);
        }

        @Override
        public void stop() {
            events.add("stop " + name);
            if (failsToStop) {
                throw new IllegalStateException(name + " cannot stop");
            }
        }
    }

    private static Lifecycles of(Lifecycle... parts) {
        return new Lifecycles(new LinkedHashSet<>(List.of(parts)));
    }

    @Test
    void startsByPhaseInBindingOrderAndStopsInTheReverseOrder() {
        Lifecycles lifecycles = of(new Part("web", Lifecycle.Phase.TRAFFIC),
                new Part("reconciler", Lifecycle.Phase.BACKGROUND), new Part("docker", Lifecycle.Phase.RESOURCES),
                new Part("polling", Lifecycle.Phase.BACKGROUND), new Part("presence", Lifecycle.Phase.PRESENCE),
                new Part("agents", Lifecycle.Phase.AGENTS));

        lifecycles.startAll();
        lifecycles.stopAll();

        assertThat(events).containsExactly("start docker", "start presence", "start agents", "start reconciler",
                "start polling", "start web", "stop web", "stop polling", "stop reconciler", "stop agents",
                "stop presence", "stop docker");
    }

    @Test
    void aPartThatFailsToStartStopsThoseAlreadyStartedAndItsFailureIsThrown() {
        Lifecycles lifecycles = of(new Part("docker", Lifecycle.Phase.RESOURCES),
                new Part("reconciler", Lifecycle.Phase.BACKGROUND),
                new Part("web", Lifecycle.Phase.TRAFFIC, true, false));

        assertThatThrownBy(lifecycles::startAll).hasMessage("web cannot start");

        assertThat(events).containsExactly("start docker", "start reconciler", "stop reconciler", "stop docker");
    }

    @Test
    void aPartThatFailsToStopDoesNotKeepTheOthersRunningAndASecondStopDoesNothing() {
        Lifecycles lifecycles = of(new Part("docker", Lifecycle.Phase.RESOURCES),
                new Part("reconciler", Lifecycle.Phase.BACKGROUND, false, true),
                new Part("web", Lifecycle.Phase.TRAFFIC));
        lifecycles.startAll();

        lifecycles.stopAll();
        lifecycles.stopAll();

        assertThat(events).containsExactly("start docker", "start reconciler", "start web", "stop web",
                "stop reconciler", "stop docker");
    }
}
