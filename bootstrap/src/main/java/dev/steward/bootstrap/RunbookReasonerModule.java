package dev.steward.bootstrap;

import com.google.inject.AbstractModule;
import dev.steward.application.agentloop.RunbookReasoner;
import dev.steward.application.port.Reasoner;

/**
 * The default reasoner: runbooks, no model (STEWARD_REASONER=runbook). It reads the MSPs' stored runbooks through
 * the {@code RunbookStore} the persistence or in-memory module binds.
 */
final class RunbookReasonerModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(Reasoner.class).to(RunbookReasoner.class);
    }
}
