package dev.steward.domain.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void doublesTheDelayFromOneSecond() {
        assertThat(RetrySchedule.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetrySchedule.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetrySchedule.delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(RetrySchedule.delayAfter(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(RetrySchedule.delayAfter(9)).isEqualTo(Duration.ofSeconds(256));
    }

    @Test
    void capsTheDelayAtFiveMinutes() {
        assertThat(RetrySchedule.delayAfter(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(RetrySchedule.delayAfter(30)).isEqualTo(Duration.ofMinutes(5));
        assertThat(RetrySchedule.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void hasNoDelayBeforeTheFirstFailure() {
        assertThat(RetrySchedule.delayAfter(0)).isZero();
        assertThat(RetrySchedule.NONE.isDue(T0)).isTrue();
        assertThat(RetrySchedule.NONE.failures()).isZero();
    }

    @Test
    void schedulesTheNextAttemptAfterEachFailure() {
        RetrySchedule once = RetrySchedule.NONE.afterFailure(T0);
        RetrySchedule twice = once.afterFailure(T0.plusSeconds(1));

        assertThat(once).isEqualTo(new RetrySchedule(1, Optional.of(T0.plusSeconds(1))));
        assertThat(twice).isEqualTo(new RetrySchedule(2, Optional.of(T0.plusSeconds(3))));
    }

    @Test
    void isDueExactlyFromTheScheduledInstant() {
        RetrySchedule schedule = RetrySchedule.NONE.afterFailure(T0);

        assertThat(schedule.isDue(T0.plusMillis(999))).isFalse();
        assertThat(schedule.isDue(T0.plusSeconds(1))).isTrue();
        assertThat(schedule.isDue(T0.plusSeconds(60))).isTrue();
    }

    @Test
    void isExhaustedAfterGiveUpAfterFailures() {
        RetrySchedule schedule = RetrySchedule.NONE;
        for (int i = 1; i < RetrySchedule.GIVE_UP_AFTER; i++) {
            schedule = schedule.afterFailure(T0);
            assertThat(schedule.exhausted()).as("after %d failures", i).isFalse();
        }
        assertThat(schedule.afterFailure(T0).exhausted()).isTrue();
    }

    @Test
    void refusesANegativeFailureCount() {
        assertThatThrownBy(() -> new RetrySchedule(-1, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }
}
