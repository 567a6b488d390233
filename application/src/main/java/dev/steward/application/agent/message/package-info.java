/**
 * What an agent and its control plane say to each other (the agent API's requests and answers), apart from the
 * use cases that answer them, so that the agent's loop ({@code agentloop}), the agent API ({@code agent}) and the
 * {@code ControlPlane} port can all name them without naming each other.
 */
package dev.steward.application.agent.message;
