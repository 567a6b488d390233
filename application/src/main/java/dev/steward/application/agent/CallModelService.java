package dev.steward.application.agent;

import dev.steward.application.port.activity.MetricsRecorder;
import dev.steward.application.port.agent.SessionRepository;
import dev.steward.application.port.reasoning.LanguageModel;
import dev.steward.application.port.reasoning.TokenLedger;
import dev.steward.application.problem.Conflict;
import dev.steward.domain.usage.TokenBudget;
import dev.steward.domain.usage.TokenCount;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Forwards an agent's model call to the {@link LanguageModel} (which holds the key) after checking the client's
 * monthly token budget, and records what the call cost for the client's month and the session. A call that starts
 * under the budget finishes even if it crosses it; the next one is refused.
 */
public final class CallModelService implements CallModelUseCase {

    private final Optional<LanguageModel> model;
    private final TokenLedger ledger;
    private final SessionRepository sessions;
    private final MetricsRecorder metrics;
    private final Clock clock;

    @Inject
    public CallModelService(Optional<LanguageModel> model, TokenLedger ledger, SessionRepository sessions,
                            MetricsRecorder metrics, Clock clock) {
        this.model = model;
        this.ledger = ledger;
        this.sessions = sessions;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public String complete(AgentIdentity agent, UUID session, String request) {
        AgentSessions.require(sessions, agent, session);
        return call(agent, session, request);
    }

    @Override
    public String completeUnstored(AgentIdentity agent, UUID run, String request) {
        return call(agent, run, request);
    }

    private String call(AgentIdentity agent, UUID session, String request) {
        LanguageModel language = model.orElseThrow(() -> Conflict.of("model.not-configured",
                "this control plane has no model (STEWARD_REASONER is not openai)"));
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        Optional<TokenBudget> budget = TokenBudget.effective(ledger.clientBudget(agent.client()),
                ledger.mspDefault(agent.msp()));
        TokenCount used = ledger.usedInMonth(agent.client(), month);
        if (budget.isPresent() && budget.get().spentBy(used)) {
            throw Conflict.of("model.budget-spent", "the client's monthly model token budget of "
                    + budget.get().monthlyTokens() + " tokens is spent (" + used.total() + " used in " + month
                    + "); model calls resume next month or when the budget is raised");
        }
        LanguageModel.ModelAnswer answer = language.complete(request);
        ledger.record(new TokenLedger.TokenUse(agent.client(), session, clock.instant(), answer.tokens()));
        metrics.modelTokens(agent.client(), answer.tokens().in(), answer.tokens().out());
        return answer.body();
    }
}
