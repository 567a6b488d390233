package dev.steward.application.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.inmemory.InMemoryActivityLog;
import dev.steward.application.inmemory.InMemoryClientRepository;
import dev.steward.application.inmemory.InMemoryMspRepository;
import dev.steward.application.inmemory.InMemoryUnitOfWork;
import dev.steward.application.inmemory.InMemoryWorkflowStore;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.NotFound;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.workflow.AppliedWorkflow;
import dev.steward.domain.workflow.WorkflowId;
import dev.steward.domain.workflow.WorkflowName;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListActivityServiceTest {

    private final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();
    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryClientRepository clients = new InMemoryClientRepository(unitOfWork);
    private final InMemoryMspRepository msps = new InMemoryMspRepository(unitOfWork);
    private final InMemoryActivityLog log = new InMemoryActivityLog();
    private final InMemoryWorkflowStore workflows = new InMemoryWorkflowStore(unitOfWork);
    private final ListActivityService service = new ListActivityService(
            new CommandValidator(validation.getValidator()), log, clients, msps, workflows);
    private Msp msp;
    private Client acme;

    @BeforeEach
    void seed() {
        msp = msps.add(Fixtures.anMsp());
        acme = clients.add(Fixtures.aClient().inMsp(msp).withSlug("acme").build());
        Client other = clients.add(Fixtures.aClient().inMsp(msp).withSlug("other").build());
        for (int i = 0; i < 5; i++) {
            log.append(entry(i % 2 == 0 ? acme : other, i, i == 3 ? ActivityOutcome.FAILED : ActivityOutcome.OK));
        }
    }

    @AfterEach
    void close() {
        validation.close();
    }

    private ActivityEntry entry(Client client, int minute, ActivityOutcome outcome) {
        return new ActivityEntry(UUID.randomUUID(), client.msp(), client.id(), Optional.empty(),
                Optional.of("T-" + minute), Fixtures.T0.plusSeconds(60L * minute), ActivityKind.TOOL_CALL,
                Optional.of(ToolName.of("m365:get-user")), RedactedArguments.NONE, outcome, "call " + minute,
                Duration.ZERO, Optional.empty());
    }

    private ListActivityQuery query(String client, String outcome, String before, int limit) {
        return new ListActivityQuery(msp.id(), client, null, null, outcome, null, null, before, limit);
    }

    @Test
    void pagesNewestFirstWithACursorThatContinuesExactlyWhereThePageEnded() {
        ActivityPage first = service.list(query(null, null, null, 2));
        ActivityPage second = service.list(query(null, null, first.next().orElseThrow(), 2));
        ActivityPage third = service.list(query(null, null, second.next().orElseThrow(), 2));

        assertThat(first.items()).extracting(ActivityEntry::summary).containsExactly("call 4", "call 3");
        assertThat(second.items()).extracting(ActivityEntry::summary).containsExactly("call 2", "call 1");
        assertThat(third.items()).extracting(ActivityEntry::summary).containsExactly("call 0");
        assertThat(third.next()).isEmpty();
    }

    @Test
    void scopesToOneClientBySlugAndFiltersByOutcome() {
        assertThat(service.list(query("acme", null, null, 50)).items()).extracting(ActivityEntry::summary)
                .containsExactly("call 4", "call 2", "call 0");
        assertThat(service.list(query(null, "failed", null, 50)).items()).extracting(ActivityEntry::summary)
                .containsExactly("call 3");
    }

    @Test
    void namesTheWorkflowVersionsEachSessionOnThePageUsed() {
        UUID session = UUID.randomUUID();
        UUID plain = UUID.randomUUID();
        log.append(new ActivityEntry(UUID.randomUUID(), msp.id(), acme.id(), Optional.of(session), Optional.of("T-9"),
                Fixtures.T0.plusSeconds(600), ActivityKind.NOTE, Optional.empty(), RedactedArguments.NONE,
                ActivityOutcome.OK, "Steward diagnosis", Duration.ZERO, Optional.empty()));
        log.append(new ActivityEntry(UUID.randomUUID(), msp.id(), acme.id(), Optional.of(plain), Optional.of("T-8"),
                Fixtures.T0.plusSeconds(540), ActivityKind.REQUEST, Optional.empty(), RedactedArguments.NONE,
                ActivityOutcome.OK, "printer jammed", Duration.ZERO, Optional.empty()));
        AppliedWorkflow lockedOut = new AppliedWorkflow(WorkflowId.builtIn(new WorkflowName("Locked out")),
                new WorkflowName("Locked out"), 1);
        workflows.recordUse(msp.id(), session, List.of(lockedOut));

        ActivityPage page = service.list(query("acme", null, null, 50));

        assertThat(page.workflows()).containsOnlyKeys(session);
        assertThat(page.workflows().get(session)).containsExactly(lockedOut);
    }

    @Test
    void namesEveryMalformedFilterAtOnce() {
        ListActivityQuery bad = new ListActivityQuery(msp.id(), null, null, "Bad Tool", "meh", "monday", "tuesday",
                "not-a-cursor", 0);

        assertThatThrownBy(() -> service.list(bad)).isInstanceOfSatisfying(InvalidCommand.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field)
                        .containsExactlyInAnyOrder("tool", "outcome", "from", "to", "before", "limit"));
    }

    @Test
    void answersNotFoundForAnotherMspsClient() {
        Msp stranger = msps.add(Fixtures.anMsp());

        assertThatThrownBy(() -> service.list(new ListActivityQuery(stranger.id(), "acme", null, null, null, null,
                null, null, 10))).isInstanceOf(NotFound.class);
        assertThat(service.list(new ListActivityQuery(stranger.id(), null, null, null, null, null, null, null, 10))
                .items()).isEmpty();
    }
}
