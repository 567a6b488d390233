/**
 * How an agent decides what to do: the reasoner and what it is given, the language model behind it, the tokens it
 * spends, and the workflows (built-in and written by the MSP) it follows.
 */
package dev.steward.application.port.reasoning;
