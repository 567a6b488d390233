package dev.steward.application.id;

import dev.steward.application.port.store.IdGenerator;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits, so ids sort by creation time. Within one
 * millisecond (or a clock that stands still) the 12 {@code rand_a} bits count up (RFC 9562 §6.2 method 1), so ids
 * made one after another in this process also sort in that order; activity entries of one session keep their order.
 */
public final class TimeOrderedIdGenerator implements IdGenerator {

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public TimeOrderedIdGenerator(Clock clock) {
        this.clock = clock;
    }

    private long lastMillis = -1;
    private long counter;

    @Override
    public synchronized UUID next() {
        long millis = Math.max(clock.millis(), lastMillis);
        if (millis != lastMillis) {
            lastMillis = millis;
            counter = random.nextInt(1 << 11);
        } else if (++counter >= (1 << 12)) {
            lastMillis = ++millis;
            counter = 0;
        }
        long high = (millis << 16) | 0x7000L | counter;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
