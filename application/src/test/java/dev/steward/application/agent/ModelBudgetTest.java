package dev.steward.application.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.agentloop.AgentWorldAccess;
import dev.steward.application.inmemory.InMemoryLanguageModel;
import dev.steward.application.port.psa.PsaNote;
import dev.steward.application.port.reasoning.LanguageModel.ModelAnswer;
import dev.steward.application.port.reasoning.ReasonerStep;
import dev.steward.domain.client.Client;
import dev.steward.domain.mode.OperatingMode;
import dev.steward.domain.usage.TokenBudget;
import dev.steward.domain.usage.TokenCount;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Model calls go through the control plane, which counts their tokens for the client and the session and stops them
 * once the client's monthly budget is spent (the MSP's default, or the client's own). A diagnosis cut short by a spent
 * budget says so in its note, so the technician reading the ticket knows why.
 */
class ModelBudgetTest {

    private final InMemoryLanguageModel model = new InMemoryLanguageModel("qwen2.5", request -> new ModelAnswer(
            "{\"choices\":[{\"message\":{\"content\":\"restart the spooler\"}}]}", new TokenCount(300, 20)));
    /** A reasoner whose every diagnosis asks the model once, through the agent's control plane. */
    private final AgentWorldAccess world = AgentWorldAccess.withModel((configuration, controlPlane) -> context -> {
        String answer = controlPlane.model(context.request().session(), "{\"messages\":[{\"role\":\"user\","
                + "\"content\":\"diagnose\"}]}");
        return new ReasonerStep.Finish("The model says: " + (answer.contains("spooler") ? "restart the spooler" : "?"),
                List.of());
    }, model);
    private final Client contoso = world.client("250", OperatingMode.PLAN);

    private PsaNote noteOn(String ticket) {
        return world.psa().notes(ticket).getFirst();
    }

    private String aTicket(String summary) {
        return world.psa().open("250", summary, "", "dana@contoso.example", Instant.parse("2026-11-22T08:59:00Z"));
    }

    @Test
    void aSpentBudgetStopsModelCallsAndTheNoteSaysSoUntilTheClientsOwnBudgetRaisesIt() {
        world.agents().ledger.setMspDefault(world.mspId(), Optional.of(new TokenBudget(500)));
        String first = aTicket("printer offline");
        String second = aTicket("printer still offline");
        String third = aTicket("printer offline again");

        world.takeIn(first);
        world.takeIn(second); // starts at 320 of 500 tokens: it may finish past the budget
        world.takeIn(third);

        assertThat(noteOn(first).text()).contains("restart the spooler");
        assertThat(noteOn(second).text()).contains("restart the spooler");
        assertThat(noteOn(third).text()).contains("monthly model token budget of 500 tokens is spent")
                .contains("a technician should take this ticket");
        assertThat(model.requests()).as("the third call never reached the model").hasSize(2);
        assertThat(world.agents().ledger.usedInMonth(contoso.id(), java.time.YearMonth.of(2026, 11)))
                .isEqualTo(new TokenCount(600, 40));
        assertThat(world.agents().metrics.value("model_tokens", "client", contoso.id().toString(), "direction",
                "input")).as("the metrics count the same tokens").isEqualTo(600);
        assertThat(world.agents().metrics.value("model_tokens", "client", contoso.id().toString(), "direction",
                "output")).isEqualTo(40);

        world.agents().ledger.setClientBudget(contoso.id(), Optional.of(new TokenBudget(10_000)));
        String fourth = aTicket("printer offline, last time");
        world.takeIn(fourth);

        assertThat(noteOn(fourth).text()).contains("restart the spooler");
        assertThat(model.requests()).hasSize(3);
    }
}
