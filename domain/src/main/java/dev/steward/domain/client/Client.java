package dev.steward.domain.client;

import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.agent.DeployStatus;
import dev.steward.domain.agent.Reconciliation;
import dev.steward.domain.agent.RetrySchedule;
import dev.steward.domain.agent.StatusChange;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.mode.OperatingMode;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.IllegalTransition;
import dev.steward.domain.prompt.PromptText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A company the MSP manages, and the state of its dedicated agent. Immutable: every change returns a new client.
 *
 * <p>{@code configVersion} is the desired agent configuration; it grows whenever something the agent runs with
 * changes (mode, prompt, integrations). {@code version} is the store's optimistic-concurrency counter.
 * {@code recentHistory} holds the latest status changes (the store may keep more; see {@code ClientRepository}).
 */
public record Client(
        ClientId id,
        MspId msp,
        ClientName name,
        Slug slug,
        OperatingMode mode,
        AgentStatus status,
        DeployStatus deployStatus,
        PromptText prompt,
        Optional<PsaMapping> psaMapping,
        long configVersion,
        RetrySchedule retry,
        List<StatusChange> recentHistory,
        Instant createdAt,
        long version) {

    /** How many of the newest status changes a client carries in memory. */
    public static final int RECENT_HISTORY = 20;

    public Client {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(deployStatus, "deployStatus");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(psaMapping, "psaMapping");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(createdAt, "createdAt");
        if (configVersion < 1) {
            throw new IllegalArgumentException("configVersion starts at 1");
        }
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
        recentHistory = List.copyOf(recentHistory);
        if (recentHistory.isEmpty()) {
            throw new IllegalArgumentException("a client has at least its registration in its history");
        }
        StatusChange last = recentHistory.getLast();
        if (last.to() != status) {
            throw new IllegalArgumentException("status " + status.label() + " disagrees with the last recorded change to "
                    + last.to().label());
        }
        for (int i = 1; i < recentHistory.size(); i++) {
            if (recentHistory.get(i).sequence() != recentHistory.get(i - 1).sequence() + 1) {
                throw new IllegalArgumentException("status history must be consecutive");
            }
        }
        if (recentHistory.size() > RECENT_HISTORY) {
            recentHistory = List.copyOf(recentHistory.subList(recentHistory.size() - RECENT_HISTORY, recentHistory.size()));
        }
    }

    /** A new client: status creating, mode inherit, provisioning starts in the background. */
    public static Client register(ClientId id, MspId msp, ClientName name, Slug slug, Instant at) {
        StatusChange first = new StatusChange(1, Optional.empty(), AgentStatus.CREATING, at, "client created");
        return new Client(id, msp, name, slug, OperatingMode.INHERIT, AgentStatus.CREATING, DeployStatus.DEPLOYING,
                PromptText.EMPTY, Optional.empty(), 1, RetrySchedule.NONE, List.of(first), at, 0);
    }

    /**
     * Moves the agent to {@code target}, recording when and why. The deploy status follows the move, so it always tells
     * the truth about the agent's configuration: a push is in flight while the agent is (re)provisioned or waits for a
     * retry, acknowledged once it is active, failed (with the reason) in error, and the agent is removed with the
     * client.
     *
     * @throws IllegalTransition if the state machine does not allow it (the message names both states)
     */
    public Client movedTo(AgentStatus target, String reason, Instant at) {
        Objects.requireNonNull(target, "target");
        if (!status.canMoveTo(target)) {
            throw new IllegalTransition(status.label(), target.label());
        }
        StatusChange change = new StatusChange(lastChange().sequence() + 1, Optional.of(status), target, at, reason);
        List<StatusChange> history = new ArrayList<>(recentHistory);
        history.add(change);
        DeployStatus deploy = switch (target) {
            case CREATING, PROVISIONING, PENDING -> DeployStatus.DEPLOYING;
            case ACTIVE -> DeployStatus.IDLE;
            case ERROR -> new DeployStatus.Failed(reason);
            case DESTROYED -> DeployStatus.REMOVED;
        };
        return new Client(id, msp, name, slug, mode, target, deploy, prompt, psaMapping, configVersion, retry,
                history, createdAt, version);
    }

    /** Whether provisioning has work for this client now; the one rule behind every store's due query. */
    public boolean isDueForReconciliation(Instant now) {
        return reconciliation(now).isDue();
    }

    /** What provisioning has to do for this client now, from its stored state alone (see {@link Reconciliation}). */
    public Reconciliation reconciliation(Instant now) {
        return switch (status) {
            case CREATING -> new Reconciliation.Start();
            case PROVISIONING -> new Reconciliation.Continue();
            case PENDING, ERROR -> retry.isDue(now)
                    ? new Reconciliation.Retry(retry.failures() + 1, "retrying")
                    : new Reconciliation.Wait(retry.nextAttemptAt().orElse(now));
            case ACTIVE, DESTROYED -> new Reconciliation.Watch();
        };
    }

    /**
     * Like {@link #reconciliation(Instant)}, but a client waiting for a retry is retried at once when the agent runtime
     * has just come back after it could not be reached: the back-off waits for the cause to clear, and the runtime
     * answering again is that.
     */
    public Reconciliation reconciliation(Instant now, boolean runtimeAnswersAgain) {
        Reconciliation decision = reconciliation(now);
        return runtimeAnswersAgain && decision instanceof Reconciliation.Wait
                ? new Reconciliation.Retry(retry.failures() + 1, "the agent runtime answers again")
                : decision;
    }

    public StatusChange lastChange() {
        return recentHistory.getLast();
    }

    public EffectiveMode effectiveMode(EffectiveMode mspDefault) {
        return mode.effective(mspDefault);
    }

    /**
     * Whether an agent checking in with {@code runningConfigVersion} brings what this client waits for: it is being
     * provisioned and that is its desired configuration (the reconciler then records it active).
     */
    public boolean awaitsAcknowledgementOf(long runningConfigVersion) {
        return status == AgentStatus.PROVISIONING && runningConfigVersion == configVersion;
    }

    public boolean isDestroyed() {
        return status == AgentStatus.DESTROYED;
    }

    /**
     * The client's agent must pick up a new configuration: the desired version grows and a push starts. An active
     * agent goes back through provisioning while it is reconfigured (PRODUCT.md §1).
     */
    public Client reconfigured(String what, Instant at) {
        if (isDestroyed()) {
            throw new IllegalTransition(status.label(), status.label());
        }
        Client next = new Client(id, msp, name, slug, mode, status, DeployStatus.DEPLOYING, prompt, psaMapping,
                configVersion + 1, RetrySchedule.NONE, recentHistory, createdAt, version);
        return status == AgentStatus.ACTIVE ? next.movedTo(AgentStatus.PROVISIONING, "reconfiguring: " + what, at) : next;
    }

    public Client withMode(OperatingMode newMode, Instant at) {
        if (newMode == mode) {
            return this;
        }
        return copy(newMode, prompt, psaMapping).reconfigured("operating mode " + newMode.label(), at);
    }

    public Client withPrompt(PromptText newPrompt, Instant at) {
        if (newPrompt.equals(prompt)) {
            return this;
        }
        return copy(mode, newPrompt, psaMapping).reconfigured("client prompt", at);
    }

    public Client withPsaMapping(Optional<PsaMapping> mapping) {
        return copy(mode, prompt, mapping);
    }

    public Client withDeployStatus(DeployStatus newDeployStatus) {
        return new Client(id, msp, name, slug, mode, status, newDeployStatus, prompt, psaMapping, configVersion, retry,
                recentHistory, createdAt, version);
    }

    public Client withRetry(RetrySchedule newRetry) {
        return new Client(id, msp, name, slug, mode, status, deployStatus, prompt, psaMapping, configVersion, newRetry,
                recentHistory, createdAt, version);
    }

    /** Same state, stamped with the version the store now holds. */
    public Client atVersion(long newVersion) {
        return new Client(id, msp, name, slug, mode, status, deployStatus, prompt, psaMapping, configVersion, retry,
                recentHistory, createdAt, newVersion);
    }

    /**
     * Deletes the client: checks the typed confirmation, then moves to destroyed. The slug stays taken.
     *
     * @throws dev.steward.domain.problem.DeletionNotConfirmed if the typed name is not exactly the client's name
     */
    public Client destroyed(DeletionConfirmation confirmation, Instant at) {
        confirmation.check(name);
        return movedTo(AgentStatus.DESTROYED, "deleted by the MSP", at).withRetry(RetrySchedule.NONE);
    }

    private Client copy(OperatingMode newMode, PromptText newPrompt, Optional<PsaMapping> mapping) {
        return new Client(id, msp, name, slug, newMode, status, deployStatus, newPrompt, mapping, configVersion, retry,
                recentHistory, createdAt, version);
    }
}
