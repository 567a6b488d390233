package dev.steward.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class NoteMarkTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private final NoteMark mark = new NoteMark(T0, "990");

    @Test
    void coversEarlierNotesAndItself() {
        assertThat(mark.covers(T0.minusSeconds(1), "5000")).isTrue();
        assertThat(mark.covers(T0, "990")).isTrue();
        assertThat(mark.covers(T0.plusSeconds(1), "1")).isFalse();
    }

    @Test
    void tellsNotesOfTheSameSecondApartByNumericId() {
        assertThat(mark.covers(T0, "989")).isTrue();
        assertThat(mark.covers(T0, "1000")).as("1000 > 990 as numbers, though not as text").isFalse();
        assertThat(mark.covers(T0, "0990")).isTrue();
        assertThat(new NoteMark(T0, "b").covers(T0, "a")).isTrue();
    }

    @Test
    void onlyEverMovesForward() {
        assertThat(mark.advancedTo(T0.minusSeconds(5), "7")).isEqualTo(mark);
        assertThat(mark.advancedTo(T0, "1001")).isEqualTo(new NoteMark(T0, "1001"));
    }
}
