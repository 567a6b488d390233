package dev.steward.application.dryrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.InMemoryCore;
import dev.steward.application.agent.AgentReasoning;
import dev.steward.application.agent.CallModelService;
import dev.steward.application.inmemory.InMemoryTicketSystem;
import dev.steward.application.port.activity.ActivityQuery;
import dev.steward.application.port.reasoning.LanguageModel;
import dev.steward.application.port.reasoning.ReasonerStep;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.PsaMapping;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.usage.TokenCount;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DryRunServiceTest {

    private final InMemoryCore core = new InMemoryCore();
    private final Msp msp = core.anMsp();
    private final DryRunService dryRun = new DryRunService(core.clients, core.agentApi.api().gateway(),
            core.agentApi.api().model(),
            AgentReasoning.runbooks(), core.agentApi.gateway, core.agentApi.ticketSystems, core.agentApi.activity,
            core.ids, core.clock);

    @AfterEach
    void stop() {
        core.close();
    }

    @Test
    void runsTheAgentOnAPastedTextInPlanModeKeepingTheNoteAndWritingNothingToThePsa() {
        core.aClient(msp, "Acme", "acme");

        DryRunResult result = dryRun.run(new DryRunCommand(msp.id(), "acme", null,
                "Please reset the password of jane@acme.test, she is locked out", "tech@msp.test"));

        assertThat(result.ticket()).isEqualTo("dry-run:text");
        assertThat(result.note()).isNotBlank();
        assertThat(core.agentApi.work.totals(core.clock.instant()).waiting()).as("no work queued").isZero();
        List<ActivityEntry> entries = core.agentApi.activity.query(ActivityQuery.newest(msp.id(), Optional.empty(),
                50));
        assertThat(entries).allSatisfy(e -> assertThat(e.ticket()).contains("dry-run:text"));
        assertThat(entries.getFirst().summary()).startsWith("dry run, not posted: ").contains(result.note());
        assertThat(entries.getLast().summary()).startsWith("dry run requested by tech@msp.test: Please reset");
        assertThat(entries).hasSize(2 + result.toolCalls().size());
    }

    @Test
    void worksTheRequestOfARealTicketOfTheClientsCompanyAndPostsNothingToIt() {
        Client acme = core.clients.update(core.aClient(msp, "Acme", "acme")
                .withPsaMapping(Optional.of(new PsaMapping("psa", "ACME-1"))));
        InMemoryTicketSystem psa = new InMemoryTicketSystem("psa", core.clock);
        core.agentApi.ticketSystems.connect(msp.id(), psa);
        String number = psa.open("ACME-1", "Outlook keeps asking for a password", "since this morning",
                "jane@acme.test", core.clock.instant());
        String others = psa.open("GLOBEX-9", "VPN down", "", "bob@globex.test", core.clock.instant());

        DryRunResult result = dryRun.run(new DryRunCommand(msp.id(), "acme", number, null, "tech@msp.test"));

        assertThat(result.ticket()).isEqualTo("dry-run:" + number);
        assertThat(result.note()).isNotBlank();
        assertThat(psa.allNotes()).as("nothing posted to the PSA").isEmpty();
        assertThat(core.agentApi.activity.query(ActivityQuery.newest(msp.id(), Optional.of(acme.id()), 50))
                .getLast().summary()).contains("Outlook keeps asking for a password");
        assertThatThrownBy(() -> dryRun.run(new DryRunCommand(msp.id(), "acme", others, null, "")))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations().getFirst().code())
                        .isEqualTo("ticket.other-company"));
        assertThatThrownBy(() -> dryRun.run(new DryRunCommand(msp.id(), "acme", "999999", null, "")))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations().getFirst())
                        .satisfies(v -> assertThat(v.field()).isEqualTo("ticket"))
                        .satisfies(v -> assertThat(v.code()).isEqualTo("ticket.unknown")));
    }

    @Test
    void refusesNeitherOrBothSourcesNamingTheField() {
        core.aClient(msp, "Acme", "acme");

        assertThatThrownBy(() -> dryRun.run(new DryRunCommand(msp.id(), "acme", " ", null, "")))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations().getFirst().field())
                        .isEqualTo("ticket"));
        assertThatThrownBy(() -> dryRun.run(new DryRunCommand(msp.id(), "acme", "4711", "text too", "")))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations().getFirst().field())
                        .isEqualTo("text"));
        assertThat(core.agentApi.activity.query(ActivityQuery.newest(msp.id(), Optional.empty(), 10))).isEmpty();
    }

    @Test
    void refusesATicketNumberForAClientWithoutAPsaOnTheTicketField() {
        core.aClient(msp, "Acme", "acme");

        assertThatThrownBy(() -> dryRun.run(new DryRunCommand(msp.id(), "acme", "4711", null, "")))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations().getFirst())
                        .satisfies(v -> {
                            assertThat(v.field()).isEqualTo("ticket");
                            assertThat(v.code()).isEqualTo("ticket.no-psa");
                        }));
    }

    @Test
    void doesNotFindAnUnknownClient() {
        assertThatThrownBy(() -> dryRun.run(new DryRunCommand(msp.id(), "nobody", null, "help", "")))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void aModelReasoningAgentCallsTheModelThroughTheControlPlaneAndItsTokensAreBookedToTheClient() {
        Client acme = core.aClient(msp, "Acme", "acme");
        List<String> requests = new java.util.ArrayList<>();
        LanguageModel model = new LanguageModel() {
            @Override
            public String model() {
                return "gpt-test";
            }

            @Override
            public ModelAnswer complete(String request) {
                requests.add(request);
                return new ModelAnswer("The user is locked out.", new TokenCount(120, 30));
            }
        };
        // a stand-in for the model-based reasoner: one model call through the agent's control plane, then finish
        AgentReasoning throughTheModel = (configuration, controlPlane) -> context -> new ReasonerStep.Finish(
                controlPlane.model(context.request().session(), "{\"messages\":[]}"), List.of());
        DryRunService modelRun = new DryRunService(core.clients, core.agentApi.api().gateway(),
                new CallModelService(Optional.of(model), core.agentApi.ledger, core.agentApi.sessions, core.metrics,
                        core.clock), throughTheModel, core.agentApi.gateway, core.agentApi.ticketSystems,
                core.agentApi.activity, core.ids, core.clock);

        DryRunResult result = modelRun.run(new DryRunCommand(msp.id(), "acme", null, "I'm locked out", ""));

        assertThat(requests).hasSize(1);
        assertThat(result.note()).contains("The user is locked out.");
        assertThat(core.agentApi.ledger.usedInMonth(acme.id(), YearMonth.now(core.clock.withZone(ZoneOffset.UTC))))
                .as("a dry run's tokens count like any other").isEqualTo(new TokenCount(120, 30));
    }
}
