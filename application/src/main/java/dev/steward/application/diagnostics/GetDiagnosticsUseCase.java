package dev.steward.application.diagnostics;

import dev.steward.domain.diagnostics.Diagnostics;
import dev.steward.domain.msp.MspId;
import java.time.Instant;
import java.util.Optional;

/** Capability: troubleshoot a client's agent — health, recent logs, resource usage. */
public interface GetDiagnosticsUseCase {

    /** Lines returned at most. */
    int MAX_TAIL = 1_000;

    /**
     * The agent's health (a running agent not heard from for longer than the liveness limit, 50 s by default, is
     * reported unhealthy, as the reconciler judges it: {@code LivenessJudge}), its last {@code tailLines} log lines since {@code since}, and resource usage.
     *
     * @throws dev.steward.application.problem.NotFound if the MSP has no such client
     * @throws dev.steward.application.problem.InvalidCommand if {@code tailLines} is not 1-{@value #MAX_TAIL}
     */
    Diagnostics diagnose(MspId msp, String slug, int tailLines, Optional<Instant> since);

    /** The newest {@code tailLines} log lines, whenever they were written. */
    default Diagnostics diagnose(MspId msp, String slug, int tailLines) {
        return diagnose(msp, slug, tailLines, Optional.empty());
    }
}
