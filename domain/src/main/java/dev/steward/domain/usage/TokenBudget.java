package dev.steward.domain.usage;

import dev.steward.domain.problem.InvalidValue;
import java.util.Optional;

/**
 * How many model tokens (in + out) a client's agent may use in one calendar month (UTC). An MSP sets a default for
 * its clients, a client may override it; without either there is no limit. A spent budget stops new model calls
 * until the month ends or the budget is raised.
 */
public record TokenBudget(long monthlyTokens) {

    public static final long MAX = 1_000_000_000_000L;

    public TokenBudget {
        if (monthlyTokens < 1 || monthlyTokens > MAX) {
            throw InvalidValue.of("monthlyTokens", "out-of-range", "must be between 1 and " + MAX);
        }
    }

    /** The client's own budget if it has one, else the MSP's default, else none (no limit). */
    public static Optional<TokenBudget> effective(Optional<TokenBudget> client, Optional<TokenBudget> mspDefault) {
        return client.or(() -> mspDefault);
    }

    public boolean spentBy(TokenCount used) {
        return used.total() >= monthlyTokens;
    }
}
