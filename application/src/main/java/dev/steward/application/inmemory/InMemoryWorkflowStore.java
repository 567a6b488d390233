package dev.steward.application.inmemory;

import dev.steward.application.port.reasoning.WorkflowStore;
import dev.steward.application.problem.Conflict;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.workflow.AppliedWorkflow;
import dev.steward.domain.workflow.Workflow;
import dev.steward.domain.workflow.WorkflowId;
import dev.steward.domain.workflow.WorkflowScope;
import dev.steward.domain.workflow.WorkflowVersion;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Workflows in memory, every version kept, for tests and embedding. */
public final class InMemoryWorkflowStore implements WorkflowStore {

    private static final Comparator<Workflow> BY_NAME = Comparator.comparing((Workflow w) -> w.name().key())
            .thenComparing(w -> w.name().value());

    private final InMemoryUnitOfWork unitOfWork;
    /** Every version of every workflow, oldest first; the last is the current one. */
    private final Map<WorkflowId, List<Workflow>> versions = new HashMap<>();
    private final List<Used> used = new ArrayList<>();

    @Inject
    public InMemoryWorkflowStore(InMemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public synchronized void add(Workflow workflow) {
        if (workflow.scope() instanceof WorkflowScope.BuiltIn) {
            throw new IllegalArgumentException("built-in workflows are not stored");
        }
        if (workflow.version().number() != 1) {
            throw new IllegalArgumentException("a new workflow is version 1, not " + workflow.version().number());
        }
        if (versions.containsKey(workflow.id())) {
            throw Conflict.staleVersion("workflow " + workflow.id(), 0, current(workflow.id()).version().number());
        }
        requireNameFree(workflow);
        List<Workflow> history = new ArrayList<>(List.of(workflow));
        versions.put(workflow.id(), history);
        unitOfWork.onRollback(() -> {
            synchronized (this) {
                versions.remove(workflow.id());
            }
        });
    }

    @Override
    public synchronized void update(Workflow workflow) {
        List<Workflow> history = versions.get(workflow.id());
        int expected = workflow.version().number() - 1;
        if (history == null || !history.getLast().scope().equals(workflow.scope())) {
            throw Conflict.staleVersion("workflow " + workflow.id(), expected, 0);
        }
        if (history.getLast().version().number() != expected) {
            throw Conflict.staleVersion("workflow " + workflow.id(), expected, history.getLast().version().number());
        }
        requireNameFree(workflow);
        history.add(workflow);
        unitOfWork.onRollback(() -> {
            synchronized (this) {
                history.remove(workflow);
            }
        });
    }

    @Override
    public synchronized Optional<Workflow> find(MspId msp, WorkflowId id) {
        return Optional.ofNullable(versions.get(id)).map(List::getLast).filter(w -> w.scope().msp().equals(
                Optional.of(msp)));
    }

    @Override
    public synchronized Optional<Workflow> version(MspId msp, WorkflowId id, int version) {
        return find(msp, id).flatMap(current -> versions.get(id).stream()
                .filter(w -> w.version().number() == version).findFirst());
    }

    @Override
    public synchronized List<WorkflowVersion> history(MspId msp, WorkflowId id) {
        return find(msp, id).map(current -> versions.get(id).stream().map(Workflow::version).toList())
                .orElse(List.of());
    }

    @Override
    public synchronized List<Workflow> list(WorkflowScope scope) {
        return currents().filter(w -> w.scope().equals(scope)).sorted(BY_NAME).toList();
    }

    @Override
    public synchronized List<Workflow> forClient(MspId msp, ClientId client) {
        return currents().filter(w -> w.scope().covers(msp, client) && !(w.scope() instanceof WorkflowScope.BuiltIn))
                .sorted(Comparator.comparingInt((Workflow w) -> w.scope().rank()).thenComparing(BY_NAME)).toList();
    }

    @Override
    public synchronized void recordUse(MspId msp, UUID session, List<AppliedWorkflow> applied) {
        for (AppliedWorkflow workflow : applied) {
            Used use = new Used(msp, session, workflow);
            if (used.stream().noneMatch(u -> u.session().equals(session) && u.workflow().id().equals(workflow.id())
                    && u.workflow().version() == workflow.version())) {
                used.add(use);
                unitOfWork.onRollback(() -> {
                    synchronized (this) {
                        used.remove(use);
                    }
                });
            }
        }
    }

    @Override
    public synchronized List<AppliedWorkflow> usedBy(MspId msp, UUID session) {
        return used.stream().filter(u -> u.msp().equals(msp) && u.session().equals(session)).map(Used::workflow)
                .sorted(Comparator.comparing((AppliedWorkflow a) -> a.name().key())
                        .thenComparingInt(AppliedWorkflow::version))
                .toList();
    }

    private record Used(MspId msp, UUID session, AppliedWorkflow workflow) {}

    private java.util.stream.Stream<Workflow> currents() {
        return versions.values().stream().map(List::getLast);
    }

    private Workflow current(WorkflowId id) {
        return versions.get(id).getLast();
    }

    private void requireNameFree(Workflow workflow) {
        boolean taken = currents().anyMatch(w -> w.scope().equals(workflow.scope()) && !w.id().equals(workflow.id())
                && w.name().sameAs(workflow.name()));
        if (taken) {
            throw Conflict.workflowNameTaken(workflow.name().value());
        }
    }
}
