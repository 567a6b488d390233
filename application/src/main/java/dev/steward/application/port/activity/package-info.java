/**
 * What the core reports about what happened: the activity log (and how it is queried) and the metrics it records.
 */
package dev.steward.application.port.activity;
