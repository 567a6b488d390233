package dev.steward.application.ticket;

import dev.steward.application.lifecycle.BackgroundLoop;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.port.psa.TicketSystems;
import dev.steward.application.problem.ApplicationException;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.DomainException;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Polls every connected PSA for new tickets in the background, so that tickets reach their agents even where the
 * PSA's webhooks are not set up (or a delivery was lost). Each pass asks each MSP's PSA for tickets created since its
 * last successful poll, with an overlap; intake is idempotent per ticket, so overlaps and webhooks that arrived too
 * cost nothing. After a start the first window reaches back {@link #FIRST_LOOKBACK} (never before the PSA was
 * connected). One virtual thread; {@link #close()} stops it.
 */
public final class TicketPollingLoop extends BackgroundLoop {

    static final Duration OVERLAP = Duration.ofMinutes(5);
    static final Duration FIRST_LOOKBACK = Duration.ofHours(24);
    private static final System.Logger LOG = System.getLogger(TicketPollingLoop.class.getName());

    private record Key(MspId msp, String kind) {}

    /** How often a pass runs; STEWARD_PSA_POLL_MS. */
    public record PollingPeriod(Duration value) {
        public PollingPeriod {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("the polling period must be positive");
            }
        }
    }

    private final MspRepository msps;
    private final IntegrationRepository integrations;
    private final TicketSystems psas;
    private final PollTicketsUseCase poll;
    private final Clock clock;
    private final Map<Key, Instant> lastPolled = new ConcurrentHashMap<>();

    @Inject
    public TicketPollingLoop(MspRepository msps, IntegrationRepository integrations, TicketSystems psas,
                             PollTicketsUseCase poll, Clock clock, PollingPeriod period) {
        super("steward-psa-polling", period.value());
        this.msps = msps;
        this.integrations = integrations;
        this.psas = psas;
        this.poll = poll;
        this.clock = clock;
    }

    @Override
    protected void turn() {
        pollOnce();
    }

    /**
     * One pass over every MSP's connected PSAs. A PSA that fails (unreachable, refused) keeps its window and is
     * asked again next pass; the others are not held up.
     *
     * @return the tickets that queued work in this pass
     */
    public int pollOnce() {
        int handled = 0;
        for (Msp msp : msps.list().stream().filter(Msp::active).toList()) {
            for (Integration integration : integrations.list(msp.id(), Optional.empty())) {
                handled += poll(msp.id(), integration);
            }
        }
        return handled;
    }

    private int poll(MspId msp, Integration integration) {
        if (!psas.connected(msp, integration.kind())) {
            return 0;
        }
        Key key = new Key(msp, integration.kind());
        Instant started = clock.instant();
        Instant firstWindow = started.minus(FIRST_LOOKBACK);
        Instant since = Optional.ofNullable(lastPolled.get(key)).map(t -> t.minus(OVERLAP))
                .orElse(integration.connectedAt().isAfter(firstWindow) ? integration.connectedAt() : firstWindow);
        try {
            List<IntakeResult> results = poll.poll(new PollTicketsCommand(msp, integration.kind(), since));
            lastPolled.put(key, started);
            return (int) results.stream().filter(r -> r instanceof IntakeResult.Queued).count();
        } catch (ApplicationException | DomainException e) {
            LOG.log(Level.WARNING, "polling {0} of MSP {1} failed: {2}", integration.kind(), msp, e.getMessage());
            return 0;
        }
    }
}
