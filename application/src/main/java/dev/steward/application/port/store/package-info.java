/**
 * The store itself, whatever the other ports keep in it: one transaction per use case ({@code UnitOfWork}), new
 * ids, readiness, the installation-wide lock and the answers kept for {@code Idempotency-Key}s.
 */
package dev.steward.application.port.store;
