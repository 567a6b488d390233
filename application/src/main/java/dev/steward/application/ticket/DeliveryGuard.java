package dev.steward.application.ticket;

import dev.steward.domain.msp.MspId;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What keeps webhook deliveries from costing more than they should, per control-plane instance and in bounded memory:
 * <ul>
 *   <li>a rate per MSP — a token bucket of a minute's {@link WebhookRate} refilled continuously — checked before
 *       anything else, so a flood of forged deliveries cannot make Steward fetch signing keys or
 *       verify signatures without end;</li>
 *   <li>replays: an authentic delivery whose body was already accepted for the same MSP and kind within
 *       {@link #REPLAY_WINDOW} does no work again.</li>
 * </ul>
 * Forgotten on restart, and each instance counts on its own; intake stays idempotent per ticket behind this anyway.
 */
final class DeliveryGuard {

    static final Duration REPLAY_WINDOW = Duration.ofMinutes(10);
    private static final int MAX_KEYS = 10_000;

    private record Bucket(double tokens, Instant at) {}

    private final Clock clock;
    private final int burst;
    private final double perSecond;
    private final Map<MspId, Bucket> buckets = bounded();
    private final Map<String, Instant> accepted = bounded();

    DeliveryGuard(Clock clock, WebhookRate rate) {
        this.clock = clock;
        this.burst = rate.perMinute();
        this.perSecond = rate.perMinute() / 60.0;
    }

    /** Takes one delivery from the MSP's allowance; empty if allowed, else how long until the next one is. */
    synchronized Optional<Duration> throttle(MspId msp) {
        Instant now = clock.instant();
        Bucket bucket = buckets.getOrDefault(msp, new Bucket(burst, now));
        double tokens = Math.min(burst, bucket.tokens() + Duration.between(bucket.at(), now).toMillis()
                * perSecond / 1000.0);
        if (tokens < 1) {
            buckets.put(msp, new Bucket(tokens, now));
            return Optional.of(Duration.ofMillis((long) Math.ceil((1 - tokens) * 1000 / perSecond)));
        }
        buckets.put(msp, new Bucket(tokens - 1, now));
        return Optional.empty();
    }

    /** Records an accepted delivery; false if the same body was accepted for the MSP and kind within the window. */
    synchronized boolean firstTime(MspId msp, String kind, byte[] body) {
        Instant now = clock.instant();
        String key = msp + "|" + kind + "|" + sha256(body);
        Instant seen = accepted.get(key);
        if (seen != null && now.isBefore(seen.plus(REPLAY_WINDOW))) {
            return false;
        }
        accepted.put(key, now);
        return true;
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Oldest entries go first once {@value #MAX_KEYS} are held, so random MSP ids or bodies cannot fill memory. */
    private static <K, V> Map<K, V> bounded() {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > MAX_KEYS;
            }
        };
    }
}
