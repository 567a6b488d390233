package dev.steward.application.port.reasoning;

import dev.steward.application.stability.Stable;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.workflow.AppliedWorkflow;
import dev.steward.domain.workflow.Workflow;
import dev.steward.domain.workflow.WorkflowId;
import dev.steward.domain.workflow.WorkflowScope;
import dev.steward.domain.workflow.WorkflowVersion;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The workflows each MSP wrote, MSP-wide or for one client, with every version ever saved (sessions refer to the
 * versions they used). Nothing is deleted: a workflow is retired by archiving it. A name is unique within its scope,
 * ignoring case, whatever the status. The built-in workflows are not stored. ({@code WorkflowStoreContract}.)
 */
@Stable
public interface WorkflowStore {

    /**
     * Stores a new workflow as its version 1. Its scope is an MSP's or a client's, never built in. Of several first
     * adds of one name in one scope at once, one is stored and the others are refused.
     *
     * @throws dev.steward.application.problem.Conflict ({@code workflow.name-taken}, on the field {@code name}) if the
     *     scope has a workflow of that name (ignoring case); nothing is stored
     * @throws IllegalArgumentException if the scope is built in or the version is not 1
     */
    void add(Workflow workflow);

    /**
     * Stores the workflow's next version: {@code workflow.version().number()} must be one more than the stored
     * version. Its scope is the stored one (a workflow never moves). Every earlier version stays readable.
     *
     * @throws dev.steward.application.problem.Conflict ({@code version.stale}) if another version was saved since
     *     (or the workflow is not stored, or belongs to another scope); ({@code workflow.name-taken}, on {@code name})
     *     if renamed onto a name another workflow of the scope holds. Either way nothing changes.
     */
    void update(Workflow workflow);

    /** The current version, only if it belongs to {@code msp}: another MSP's workflow is not found. */
    Optional<Workflow> find(MspId msp, WorkflowId id);

    /** One version exactly as it was saved, only if the workflow belongs to {@code msp}. */
    Optional<Workflow> version(MspId msp, WorkflowId id, int version);

    /** Who changed it when: every version of it, oldest first; empty if {@code msp} has no such workflow. */
    List<WorkflowVersion> history(MspId msp, WorkflowId id);

    /**
     * The current versions in one scope, every status, ordered by name ignoring case.
     *
     * @param scope an MSP's or a client's (a built-in scope lists nothing)
     */
    List<Workflow> list(WorkflowScope scope);

    /**
     * What may apply to one client's requests: the current versions of the client's workflows and of its MSP's
     * MSP-wide ones, every status (the domain's {@code WorkflowCatalog} picks the active ones by precedence).
     */
    List<Workflow> forClient(MspId msp, ClientId client);

    /**
     * Records that a session of one of {@code msp}'s clients used these workflow versions (built-in ones included).
     * Recording a version the session has already used again changes nothing, so a redelivered note is harmless.
     */
    void recordUse(MspId msp, UUID session, List<AppliedWorkflow> applied);

    /** The workflow versions a session used, by name then version; empty for another MSP's session. */
    List<AppliedWorkflow> usedBy(MspId msp, UUID session);

    /**
     * {@link #usedBy} for each of {@code sessions} at once (a page of activity names several): a session that used
     * none, or is another MSP's, is not a key. The default asks once per session; stores answer in one query.
     */
    default Map<UUID, List<AppliedWorkflow>> usedBySessions(MspId msp, Collection<UUID> sessions) {
        Map<UUID, List<AppliedWorkflow>> used = new HashMap<>();
        for (UUID session : new LinkedHashSet<>(sessions)) {
            List<AppliedWorkflow> versions = usedBy(msp, session);
            if (!versions.isEmpty()) {
                used.put(session, versions);
            }
        }
        return used;
    }
}
