/**
 * Confirming a requester's identity before a sensitive tool runs: the push that asks them, and the verifications
 * kept per session.
 */
package dev.steward.application.port.verification;
