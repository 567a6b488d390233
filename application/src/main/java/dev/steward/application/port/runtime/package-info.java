/**
 * Where agents run: the runtime that starts and observes them, what they report about themselves, their
 * credentials, and which control-plane instance holds each one.
 */
package dev.steward.application.port.runtime;
