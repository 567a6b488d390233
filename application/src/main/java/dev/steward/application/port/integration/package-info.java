/**
 * Connected integrations: their records, their settings and secrets (sealed by the vault) and authorizations a
 * person started in a browser and has not finished.
 */
package dev.steward.application.port.integration;
