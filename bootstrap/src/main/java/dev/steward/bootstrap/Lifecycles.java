package dev.steward.bootstrap;

import dev.steward.application.lifecycle.Lifecycle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of a control plane that start and stop: started by {@link Lifecycle.Phase} (in the order they were bound
 * within a phase), stopped in the reverse order, so nothing runs against a part that is already gone.
 */
final class Lifecycles {

    private static final Logger LOG = LoggerFactory.getLogger(Lifecycles.class);

    private final List<Lifecycle> inStartOrder;
    private final List<Lifecycle> started = new ArrayList<>();

    Lifecycles(Collection<Lifecycle> parts) {
        this.inStartOrder = parts.stream().sorted(Comparator.comparing(Lifecycle::phase)).toList();
    }

    /** Starts every part; when one fails, stops those already started (in reverse) and throws its failure. */
    synchronized void startAll() {
        try {
            for (Lifecycle part : inStartOrder) {
                part.start();
                started.add(part);
            }
        } catch (RuntimeException | Error e) {
            stopAll();
            throw e;
        }
    }

    /** Stops the started parts in the reverse order; one that fails to stop is logged and the others still stop. */
    synchronized void stopAll() {
        for (Lifecycle part : started.reversed()) {
            try {
                part.stop();
            } catch (RuntimeException e) {
                LOG.warn("stopping {} failed: {}", part.getClass().getSimpleName(), e.getMessage());
            }
        }
        started.clear();
    }
}
