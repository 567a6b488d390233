package dev.steward.domain.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.problem.InvalidValue;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenBudgetTest {

    @Test
    void theClientsOwnBudgetWinsOverTheMspDefault() {
        Optional<TokenBudget> msp = Optional.of(new TokenBudget(1000));
        Optional<TokenBudget> client = Optional.of(new TokenBudget(50));

        assertThat(TokenBudget.effective(client, msp)).contains(new TokenBudget(50));
        assertThat(TokenBudget.effective(Optional.empty(), msp)).contains(new TokenBudget(1000));
        assertThat(TokenBudget.effective(Optional.empty(), Optional.empty())).isEmpty();
    }

    @Test
    void isSpentOnceTokensInAndOutReachIt() {
        TokenBudget budget = new TokenBudget(100);

        assertThat(budget.spentBy(new TokenCount(60, 39))).isFalse();
        assertThat(budget.spentBy(new TokenCount(60, 40))).isTrue();
    }

    @Test
    void refusesANonPositiveBudgetNamingTheField() {
        assertThatThrownBy(() -> new TokenBudget(0)).isInstanceOfSatisfying(InvalidValue.class,
                e -> assertThat(e.field()).isEqualTo("monthlyTokens"));
    }

    @Test
    void countsAddUp() {
        assertThat(new TokenCount(3, 4).plus(new TokenCount(10, 20))).isEqualTo(new TokenCount(13, 24));
        assertThat(new TokenCount(3, 4).total()).isEqualTo(7);
        assertThatThrownBy(() -> new TokenCount(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
