package dev.steward.application.signin;

import dev.steward.application.problem.TooManyAttempts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows password guessing without letting a stranger lock anyone out:
 * <ul>
 *   <li>per (email, address): the first {@value #FREE_FAILURES} failures cost nothing; after that each attempt must
 *       wait a delay that doubles with every failure (1 s, 2 s, 4 s … at most {@link #MAX_DELAY}), and the count
 *       is forgotten {@link #MEMORY} after the last failure or at a success. A stranger failing for
 *       {@code admin@steward.local} delays only their own address; the admin signs in from theirs;</li>
 *   <li>per address: at most {@value #PER_ADDRESS} failures within {@link #WINDOW}, whatever the emails, after which
 *       that address is refused unchecked until the oldest failure leaves the window.</li>
 * </ul>
 * Kept in memory, in bounded maps: a restart forgets it, and each control-plane instance counts on its own.
 */
public final class LoginThrottle {

    static final int FREE_FAILURES = 3;
    static final Duration MAX_DELAY = Duration.ofHours(1);
    static final Duration MEMORY = Duration.ofHours(24);
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Bounds memory under a flood of distinct keys; the longest-unused keys are dropped first. */
    private static final int MAX_KEYS = 100_000;

    private record Failures(int count, Instant last) {}

    private final Clock clock;
    private final Map<String, Failures> byEmailAndAddress = bounded();
    private final Map<String, Deque<Instant>> byAddress = bounded();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** @throws TooManyAttempts if this email from this address, or this address at all, must wait */
    public synchronized void check(String email, String address) {
        Instant now = clock.instant();
        Duration wait = longer(delayOf(key(email, address), now), addressWait(address, now));
        if (!wait.isZero()) {
            throw new TooManyAttempts(wait);
        }
    }

    public synchronized void failed(String email, String address) {
        Instant now = clock.instant();
        String key = key(email, address);
        Failures before = byEmailAndAddress.get(key);
        int count = before == null || !now.isBefore(before.last().plus(MEMORY)) ? 1 : before.count() + 1;
        byEmailAndAddress.put(key, new Failures(count, now));
        Deque<Instant> times = byAddress.computeIfAbsent(address, a -> new ArrayDeque<>());
        prune(times, now);
        times.addLast(now);
    }

    /** A success clears this email's failures from this address (not the address's own count). */
    public synchronized void succeeded(String email, String address) {
        byEmailAndAddress.remove(key(email, address));
    }

    /** How long the failures so far make the next attempt wait: doubling after the free ones, capped. */
    static Duration delayAfter(int failures) {
        if (failures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_FAILURES, 30);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private Duration delayOf(String key, Instant now) {
        Failures failures = byEmailAndAddress.get(key);
        if (failures == null || !now.isBefore(failures.last().plus(MEMORY))) {
            return Duration.ZERO;
        }
        Instant allowed = failures.last().plus(delayAfter(failures.count()));
        return now.isBefore(allowed) ? Duration.between(now, allowed) : Duration.ZERO;
    }

    private Duration addressWait(String address, Instant now) {
        Deque<Instant> times = byAddress.get(address);
        if (times == null) {
            return Duration.ZERO;
        }
        prune(times, now);
        return times.size() < PER_ADDRESS ? Duration.ZERO : Duration.between(now, times.peekFirst().plus(WINDOW));
    }

    private static void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
            times.removeFirst();
        }
    }

    private static String key(String email, String address) {
        return email + "|" + address;
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_KEYS;
            }
        };
    }
}
