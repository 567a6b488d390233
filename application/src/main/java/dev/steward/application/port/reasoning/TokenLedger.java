package dev.steward.application.port.reasoning;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.usage.TokenBudget;
import dev.steward.domain.usage.TokenCount;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Model tokens used by each client's agent (per session and per calendar month, UTC) and the monthly budgets that
 * limit them: an MSP default and a per-client override. Rules ({@code TokenLedgerContract}): every recorded use
 * counts in its month and session exactly once; months are calendar months in UTC; a budget set to empty is removed;
 * one client's or MSP's numbers never show in another's.
 */
public interface TokenLedger {

    record TokenUse(ClientId client, UUID session, Instant at, TokenCount tokens) {
        public TokenUse {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(tokens, "tokens");
        }
    }

    void record(TokenUse use);

    TokenCount usedInMonth(ClientId client, YearMonth month);

    TokenCount usedInSession(UUID session);

    Optional<TokenBudget> mspDefault(MspId msp);

    void setMspDefault(MspId msp, Optional<TokenBudget> budget);

    Optional<TokenBudget> clientBudget(ClientId client);

    void setClientBudget(ClientId client, Optional<TokenBudget> budget);
}
