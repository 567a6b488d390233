/**
 * The MSPs and their clients as stored: clients with their agent status and history, MSPs, and which directory
 * entry of an integration each client is.
 */
package dev.steward.application.port.client;
