package dev.steward.adapter.persistence;

import static dev.steward.adapter.persistence.Columns.ts;

import dev.steward.application.port.reasoning.TokenLedger;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.usage.TokenBudget;
import dev.steward.domain.usage.TokenCount;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.Query;

/** Token usage and budgets in PostgreSQL; a month is the half-open UTC range [first day, first day of the next). */
public final class JdbiTokenLedger implements TokenLedger {

    private final JdbiUnitOfWork db;

    @Inject
    public JdbiTokenLedger(JdbiUnitOfWork db) {
        this.db = db;
    }

    @Override
    public void record(TokenUse use) {
        db.withHandle(h -> h.createUpdate("""
                        insert into token_uses (client_id, session_id, at, tokens_in, tokens_out)
                        values (:client, :session, :at, :in, :out)""")
                .bind("client", use.client().value())
                .bind("session", use.session())
                .bind("at", ts(use.at()))
                .bind("in", use.tokens().in())
                .bind("out", use.tokens().out())
                .execute());
    }

    @Override
    public TokenCount usedInMonth(ClientId client, YearMonth month) {
        return db.read(h -> sum(h.createQuery("""
                        select coalesce(sum(tokens_in), 0) as tokens_in, coalesce(sum(tokens_out), 0) as tokens_out
                        from token_uses where client_id = :client and at >= :from and at < :to""")
                .bind("client", client.value())
                .bind("from", ts(month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
                .bind("to", ts(month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)))));
    }

    @Override
    public TokenCount usedInSession(UUID session) {
        return db.read(h -> sum(h.createQuery("""
                        select coalesce(sum(tokens_in), 0) as tokens_in, coalesce(sum(tokens_out), 0) as tokens_out
                        from token_uses where session_id = :session""")
                .bind("session", session)));
    }

    private static TokenCount sum(Query query) {
        return query.map((rs, ctx) -> new TokenCount(rs.getLong("tokens_in"), rs.getLong("tokens_out"))).one();
    }

    @Override
    public Optional<TokenBudget> mspDefault(MspId msp) {
        return db.read(h -> h.createQuery("""
                        select monthly_tokens from token_budgets where msp_id = :msp and client_id is null""")
                .bind("msp", msp.value())
                .mapTo(Long.class).findOne().map(TokenBudget::new));
    }

    @Override
    public void setMspDefault(MspId msp, Optional<TokenBudget> budget) {
        db.withHandle(h -> budget.isEmpty()
                ? h.createUpdate("delete from token_budgets where msp_id = :msp and client_id is null")
                        .bind("msp", msp.value()).execute()
                : h.createUpdate("""
                        insert into token_budgets (msp_id, client_id, monthly_tokens) values (:msp, null, :tokens)
                        on conflict on constraint token_budgets_one_per_scope
                        do update set monthly_tokens = excluded.monthly_tokens""")
                        .bind("msp", msp.value())
                        .bind("tokens", budget.get().monthlyTokens())
                        .execute());
    }

    @Override
    public Optional<TokenBudget> clientBudget(ClientId client) {
        return db.read(h -> h.createQuery("select monthly_tokens from token_budgets where client_id = :client")
                .bind("client", client.value())
                .mapTo(Long.class).findOne().map(TokenBudget::new));
    }

    @Override
    public void setClientBudget(ClientId client, Optional<TokenBudget> budget) {
        db.withHandle(h -> budget.isEmpty()
                ? h.createUpdate("delete from token_budgets where client_id = :client")
                        .bind("client", client.value()).execute()
                : h.createUpdate("""
                        insert into token_budgets (msp_id, client_id, monthly_tokens)
                        select msp_id, id, :tokens from clients where id = :client
                        on conflict on constraint token_budgets_one_per_scope
                        do update set monthly_tokens = excluded.monthly_tokens""")
                        .bind("client", client.value())
                        .bind("tokens", budget.get().monthlyTokens())
                        .execute());
    }
}
