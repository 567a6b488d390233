package dev.steward.application.signin;

import dev.steward.application.problem.TooManyAttempts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: within a sliding window, an email may fail {@value #PER_EMAIL} times and an address
 * {@value #PER_ADDRESS} times (many emails from one place); after that every attempt is refused unchecked until the
 * oldest failure leaves the window. Kept in memory: a restart forgets it, and each control-plane instance counts on
 * its own, which still bounds guessing to a few attempts per minute per instance.
 */
public final class LoginThrottle {

    static final int PER_EMAIL = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Bounds memory under a flood of distinct keys; expired keys are dropped first. */
    private static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** @throws TooManyAttempts if either key has used up its failures */
    public void check(String email, String address) {
        Instant now = clock.instant();
        Duration byEmail = waitFor("email:" + email, PER_EMAIL, now);
        Duration byAddress = waitFor("addr:" + address, PER_ADDRESS, now);
        Duration wait = byEmail.compareTo(byAddress) >= 0 ? byEmail : byAddress;
        if (!wait.isZero()) {
            throw new TooManyAttempts(wait);
        }
    }

    public void failed(String email, String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_KEYS) {
            failures.values().removeIf(times -> prune(times, now));
        }
        record("email:" + email, now);
        record("addr:" + address, now);
    }

    /** A success clears the email's failures (not the address's: one good password should not reopen guessing). */
    public void succeeded(String email) {
        failures.remove("email:" + email);
    }

    private void record(String key, Instant now) {
        failures.compute(key, (k, times) -> {
            Deque<Instant> next = times == null ? new ArrayDeque<>() : times;
            synchronized (next) {
                prune(next, now);
                next.addLast(now);
            }
            return next;
        });
    }

    private Duration waitFor(String key, int allowed, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < allowed) {
                return Duration.ZERO;
            }
            return Duration.between(now, times.peekFirst().plus(WINDOW));
        }
    }

    /** Drops failures older than the window; true if none are left. */
    private static boolean prune(Deque<Instant> times, Instant now) {
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
                times.removeFirst();
            }
            return times.isEmpty();
        }
    }
}
