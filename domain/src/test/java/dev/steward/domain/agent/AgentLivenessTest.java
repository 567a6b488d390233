package dev.steward.domain.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentLivenessTest {

    private static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");
    private final AgentLiveness liveness = AgentLiveness.DEFAULT;

    @Test
    void theDefaultLimitIsTwoContainerHeartbeatsAndAMargin() {
        assertThat(liveness.limit()).isEqualTo(Duration.ofSeconds(50));
    }

    @Test
    void anAgentHeardWithinTheLimitIsAlive() {
        assertThat(liveness.silence(Optional.of(T0), T0.minusSeconds(600), T0.plusSeconds(50))).isEmpty();
    }

    @Test
    void anAgentUnheardForLongerThanTheLimitIsSilentAndSaysForHowLong() {
        var silence = liveness.silence(Optional.of(T0), T0.minusSeconds(600), T0.plusSeconds(62));

        assertThat(silence).isPresent();
        assertThat(silence.get().silentFor()).isEqualTo(Duration.ofSeconds(62));
        assertThat(silence.get().describe()).isEqualTo("no check-in for 62 s (limit 50 s)");
    }

    @Test
    void saysTheSilenceInWholeSecondsRoundedUp() {
        assertThat(liveness.silence(Optional.of(T0), T0, T0.plusMillis(50_291)).orElseThrow().describe())
                .isEqualTo("no check-in for 51 s (limit 50 s)");
    }

    @Test
    void anAgentThatNeverCheckedInIsSilentOnceTheLimitHasPassedSinceItCouldHave() {
        assertThat(liveness.silence(Optional.empty(), T0, T0.plusSeconds(50))).isEmpty();
        assertThat(liveness.silence(Optional.empty(), T0, T0.plusSeconds(51)).orElseThrow().describe())
                .isEqualTo("no check-in for 51 s (limit 50 s)");
    }

    @Test
    void timeBeforeTheJudgeCouldHearTheAgentNeverCountsAgainstIt() {
        // last heard 10 minutes ago, but the control plane has been listening for 30 s only (it was down before)
        Instant listening = T0.plusSeconds(600);
        assertThat(liveness.silence(Optional.of(T0), listening, listening.plusSeconds(30))).isEmpty();
        assertThat(liveness.silence(Optional.of(T0), listening, listening.plusSeconds(51)).orElseThrow().silentFor())
                .isEqualTo(Duration.ofSeconds(51));
    }

    @Test
    void aLimitUnderOneSecondIsRefused() {
        assertThatThrownBy(() -> new AgentLiveness(Duration.ofMillis(999)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("silence limit");
        assertThatThrownBy(() -> new AgentLiveness(null)).isInstanceOf(NullPointerException.class);
    }
}
