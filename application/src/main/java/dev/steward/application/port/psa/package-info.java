/**
 * The MSP's PSA as the core uses it: tickets and notes, what a PSA can do, and the webhook deliveries it sends with
 * their verdicts.
 */
package dev.steward.application.port.psa;
