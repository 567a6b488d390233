/**
 * Who may use the control plane: users and operators, API tokens, signed-in browser sessions and how passwords are
 * hashed.
 */
package dev.steward.application.port.access;
