package dev.steward.adapter.psa.autotask;

import dev.steward.adapter.psa.common.PsaHttp;
import dev.steward.adapter.psa.common.VendorRules;
import dev.steward.application.problem.PortFailure;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Where Autotask differs from plain HTTP (THIRD-PARTY-APIS.md §3.2, §3.6):
 * <ul>
 *   <li>A wrong user name or integration code is answered with HTTP 500, not 401. Until a call with these credentials
 *       has succeeded, a 500 on an authenticated call is therefore the credentials being refused — permanent, so
 *       nothing retries it for ever; once they have worked, a 500 is the outage it says it is (retryable). The zone
 *       lookup's "Zone information could not be determined" is an unknown user name, also permanent.</li>
 *   <li>Every integration of an Autotask database shares 10,000 requests per rolling hour, and Autotask slows every
 *       caller once half is used. Steward keeps to its own share ({@code hourlyRequestLimit}, by default half): an
 *       exchange beyond it is not sent and fails retryable, saying when the oldest request leaves the window.</li>
 * </ul>
 */
final class AutotaskRules implements VendorRules {

    static final Duration WINDOW = Duration.ofHours(1);

    private final int hourlyLimit;
    private final Clock clock;
    private final Deque<Instant> sent = new ArrayDeque<>();
    private volatile boolean credentialsAccepted;

    AutotaskRules(int hourlyLimit, Clock clock) {
        if (hourlyLimit < 1 || hourlyLimit > AutotaskSettings.DATABASE_HOURLY_LIMIT) {
            throw new IllegalArgumentException("autotask hourlyRequestLimit must be 1-"
                    + AutotaskSettings.DATABASE_HOURLY_LIMIT);
        }
        this.hourlyLimit = hourlyLimit;
        this.clock = clock;
    }

    @Override
    public void beforeExchange(HttpRequest request) {
        if (!authenticated(request)) {
            return; // the zone lookup carries no credentials and is not one of the integration's calls
        }
        Instant now = clock.instant();
        synchronized (sent) {
            while (!sent.isEmpty() && !sent.peekFirst().isAfter(now.minus(WINDOW))) {
                sent.removeFirst();
            }
            if (sent.size() >= hourlyLimit) {
                Duration wait = Duration.between(now, sent.peekFirst().plus(WINDOW));
                throw PortFailure.retryable(AutotaskTicketSystem.KIND, "Steward has used its " + hourlyLimit
                        + " Autotask requests of the last hour (the database allows " + AutotaskSettings.DATABASE_HOURLY_LIMIT
                        + " for all integrations); try again in " + Math.max(1, wait.toSeconds()) + " s", null);
            }
            sent.addLast(now);
        }
    }

    @Override
    public Optional<RuntimeException> failure(HttpRequest request, HttpResponse<String> response) {
        if (response.statusCode() != 500) {
            return Optional.empty();
        }
        String message = PsaHttp.vendorMessage(response.body());
        if (!authenticated(request)) {
            return message.toLowerCase(java.util.Locale.ROOT).contains("zone information")
                    ? Optional.of(PortFailure.permanent(AutotaskTicketSystem.KIND, "Autotask knows no API user by "
                            + "this user name (the zone lookup answered HTTP 500" + message + ")", null))
                    : Optional.empty();
        }
        if (credentialsAccepted) {
            return Optional.empty();
        }
        return Optional.of(PortFailure.permanent(AutotaskTicketSystem.KIND, "Autotask refused the user name or the "
                + "integration code (HTTP 500, its answer to either being wrong) for " + request.method() + " "
                + request.uri().getPath() + message, null));
    }

    @Override
    public void succeeded(HttpRequest request) {
        if (authenticated(request)) {
            credentialsAccepted = true;
        }
    }

    /** Requests sent in the current window, for tests. */
    int sentInWindow() {
        synchronized (sent) {
            return sent.size();
        }
    }

    private static boolean authenticated(HttpRequest request) {
        return request.headers().firstValue("ApiIntegrationCode").isPresent();
    }
}
