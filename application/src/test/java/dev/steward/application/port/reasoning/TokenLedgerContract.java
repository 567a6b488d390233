package dev.steward.application.port.reasoning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.port.reasoning.TokenLedger;
import dev.steward.application.testkit.StoreContractSupport;
import dev.steward.domain.client.Client;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.usage.TokenBudget;
import dev.steward.domain.usage.TokenCount;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every {@link TokenLedger} must pass this: one test per rule of the port's Javadoc. */
public abstract class TokenLedgerContract extends StoreContractSupport {

    protected abstract TokenLedger ledger();

    /** A session of {@code client} the store may refer to; stores with foreign keys store one first. */
    protected UUID storedSession(Client client) {
        return UUID.randomUUID();
    }

    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    @Test
    void countsEveryUseInItsCalendarMonthInUtc() {
        Client client = storedClient(storedMsp());
        UUID session = storedSession(client);
        ledger().record(use(client, session, "2026-02-28T23:59:59Z", 1000, 1000));
        ledger().record(use(client, session, "2026-03-01T00:00:00Z", 120, 30));
        ledger().record(use(client, session, "2026-03-31T23:59:59.999Z", 5, 7));
        ledger().record(use(client, session, "2026-04-01T00:00:00Z", 2000, 2000));

        assertThat(ledger().usedInMonth(client.id(), MARCH)).isEqualTo(new TokenCount(125, 37));
        assertThat(ledger().usedInMonth(client.id(), YearMonth.of(2026, 5))).isEqualTo(TokenCount.NONE);
    }

    @Test
    void countsEachSessionOnItsOwn() {
        Client client = storedClient(storedMsp());
        UUID one = storedSession(client);
        UUID two = storedSession(client);
        ledger().record(use(client, one, "2026-03-02T10:00:00Z", 100, 10));
        ledger().record(use(client, one, "2026-03-02T10:00:05Z", 200, 20));
        ledger().record(use(client, two, "2026-03-02T10:00:06Z", 1, 1));

        assertThat(ledger().usedInSession(one)).isEqualTo(new TokenCount(300, 30));
        assertThat(ledger().usedInSession(UUID.randomUUID())).isEqualTo(TokenCount.NONE);
    }

    @Test
    void oneClientsUseNeverShowsInAnothers() {
        MspId msp = storedMsp();
        Client mine = storedClient(msp);
        Client theirs = storedClient(msp);
        ledger().record(use(theirs, storedSession(theirs), "2026-03-03T10:00:00Z", 50, 50));

        assertThat(ledger().usedInMonth(mine.id(), MARCH)).isEqualTo(TokenCount.NONE);
    }

    @Test
    void keepsAnMspDefaultAndAClientBudgetAndRemovesThemWhenSetEmpty() {
        MspId msp = storedMsp();
        Client client = storedClient(msp);

        ledger().setMspDefault(msp, Optional.of(new TokenBudget(100_000)));
        ledger().setClientBudget(client.id(), Optional.of(new TokenBudget(5_000)));
        assertThat(ledger().mspDefault(msp)).contains(new TokenBudget(100_000));
        assertThat(ledger().clientBudget(client.id())).contains(new TokenBudget(5_000));
        assertThat(ledger().mspDefault(storedMsp())).isEmpty();
        assertThat(ledger().clientBudget(storedClient(msp).id())).isEmpty();

        ledger().setMspDefault(msp, Optional.of(new TokenBudget(200_000)));
        ledger().setClientBudget(client.id(), Optional.empty());
        assertThat(ledger().mspDefault(msp)).contains(new TokenBudget(200_000));
        assertThat(ledger().clientBudget(client.id())).isEmpty();
        ledger().setMspDefault(msp, Optional.empty());
        assertThat(ledger().mspDefault(msp)).isEmpty();
    }

    private static TokenLedger.TokenUse use(Client client, UUID session, String at, long in, long out) {
        return new TokenLedger.TokenUse(client.id(), session, Instant.parse(at), new TokenCount(in, out));
    }
}
