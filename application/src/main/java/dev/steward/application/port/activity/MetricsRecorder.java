package dev.steward.application.port.activity;

import dev.steward.application.stability.Experimental;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.client.ClientId;
import java.time.Duration;
import java.util.Map;

/**
 * What the core tells the operators' metrics about its own work: counts, sizes and timings, labelled only with bounded
 * values (statuses, tool names, integration kinds, client ids), never free text or a secret. Gauges
 * ({@link #clients}, {@link #approvalsPending}, {@link #agentsRunningHere}, {@link #workItems}) take the latest value;
 * everything else adds up. Recording never fails the work it describes. ({@code MetricsRecorderContract}.)
 */
@Experimental
public interface MetricsRecorder {

    /** The reconciler's two kinds of pass. */
    enum Pass { DUE, FULL }

    /** How a PSA webhook delivery was answered. */
    enum Delivery { ACCEPTED, IGNORED, REFUSED }

    /** One reconciler pass took {@code took}. */
    void reconcilePass(Pass pass, Duration took);

    /** A client's agent turned active {@code latency} after its provisioning began. */
    void agentProvisioned(Duration latency);

    /** The live clients by status and by deploy status ({@code idle}, {@code deploying}, {@code error}). */
    void clients(Map<AgentStatus, Long> byStatus, Map<String, Long> byDeployStatus);

    /** Approval requests waiting for a technician, across every MSP. */
    void approvalsPending(long count);

    /** In-process agents running in this control plane. */
    void agentsRunningHere(int count);

    /** Work items waiting for their agent and taken by an agent (leased) but not completed. */
    void workItems(long waiting, long inFlight);

    /** A PSA webhook delivery for an integration of {@code kind}. */
    void webhookDelivery(String kind, Delivery delivery);

    /** A tool call through the gateway ended with {@code outcome} (an activity outcome label). */
    void toolCall(String tool, String outcome);

    /** A model call for {@code client} used these tokens. */
    void modelTokens(ClientId client, long input, long output);
}
