package dev.steward.application.agent.message;

/** When in a session a call is made: diagnosis runs read-only tools only, in every mode. */
public enum ToolPhase { DIAGNOSIS, EXECUTION }
