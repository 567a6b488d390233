package dev.steward.application.port.reasoning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.port.reasoning.AgentRequest;
import dev.steward.application.port.reasoning.Reasoner;
import dev.steward.application.port.reasoning.ReasonerStep;
import dev.steward.application.port.reasoning.ReasoningContext;
import dev.steward.application.port.reasoning.TranscriptItem;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.prompt.PromptText;
import dev.steward.domain.prompt.PromptTiers;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every {@link Reasoner} must pass this. */
public abstract class ReasonerContract {

    protected abstract Reasoner reasoner();

    /** A request the reasoner can work on with {@link #catalog()}. */
    protected String aRequestText() {
        return "Outlook keeps asking for my password";
    }

    protected List<Tool> catalog() {
        ToolParameter user = ToolParameter.required("user", ToolParameter.Type.STRING, "The user's UPN");
        return List.of(Tool.readOnly("m365:get-user", "Read a user").taking(user),
                Tool.readOnly("m365:list-sign-ins", "List a user's recent sign-in failures").taking(user),
                Tool.write("m365:reset-password", "Reset a user's password").taking(user).asSensitive());
    }

    private ReasoningContext context(String text, List<TranscriptItem> transcript) {
        AgentRequest request = new AgentRequest(UUID.randomUUID(), Fixtures.uniqueMspId(), new ClientId(UUID.randomUUID()),
                "51001", "dana@contoso.example", text);
        return new ReasoningContext(PromptTiers.of(PromptText.EMPTY, PromptText.EMPTY).compose(), request, catalog(),
                transcript);
    }

    @Test
    void answersEveryContextWithAStep() {
        assertThat(reasoner().next(context(aRequestText(), List.of()))).isNotNull();
        assertThat(reasoner().next(context("something nobody planned for: the coffee machine", List.of())))
                .isNotNull();
    }

    @Test
    void asksOnlyForToolsOfTheCatalog() {
        ReasonerStep step = reasoner().next(context(aRequestText(), List.of()));
        if (step instanceof ReasonerStep.CallTool call) {
            assertThat(catalog()).extracting(Tool::name).contains(call.tool());
        }
    }

    @Test
    void finishesWhenEveryCallIsAnswered() {
        List<TranscriptItem> transcript = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ReasonerStep step = reasoner().next(context(aRequestText(), transcript));
            if (step instanceof ReasonerStep.Finish finish) {
                assertThat(finish.diagnosis()).isNotBlank();
                return;
            }
            ReasonerStep.CallTool call = (ReasonerStep.CallTool) step;
            transcript.add(new TranscriptItem(call.tool(), call.arguments(), ActivityOutcome.OK, "ok"));
        }
        throw new AssertionError("the reasoner did not finish within 20 answered calls");
    }
}
