/**
 * An agent's work as the control plane keeps it: the control plane as the agent sees it, sessions, their effects,
 * the work queue, the tool calls the gateway runs and the approvals they wait for.
 */
package dev.steward.application.port.agent;
