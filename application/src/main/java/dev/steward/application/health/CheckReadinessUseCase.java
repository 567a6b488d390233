package dev.steward.application.health;

import java.util.List;

/**
 * Whether this control plane can serve requests now, for a load balancer's readiness probe: the store answers and has
 * every migration this code expects. (Liveness needs no use case: a process that answers HTTP is alive.)
 */
public interface CheckReadinessUseCase {

    /** Asks now; returns within a few seconds even while the store is down. */
    Readiness check();

    /** Ready when nothing is wrong; otherwise each problem in words for an operator. */
    record Readiness(List<String> problems) {

        public Readiness {
            problems = List.copyOf(problems);
        }

        public boolean ready() {
            return problems.isEmpty();
        }
    }
}
