package dev.steward.application.id;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.port.store.IdGenerator;
import dev.steward.application.port.store.IdGeneratorContract;
import dev.steward.application.testkit.MutableClock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdGeneratorTest extends IdGeneratorContract {

    private final MutableClock clock = MutableClock.startingAt("2026-11-22T10:00:00Z");
    private final TimeOrderedIdGenerator generator = new TimeOrderedIdGenerator(clock);

    @Override
    protected IdGenerator generator() {
        return generator;
    }

    @Override
    protected void tick() {
        clock.advance(Duration.ofMillis(1));
    }

    @Test
    void makesVersion7UuidsCarryingTheMillisecond() {
        UUID id = generator.next();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(clock.millis());
    }
}
