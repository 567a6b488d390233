package dev.steward.bootstrap;

import com.google.inject.Module;
import dev.steward.adapter.docker.DockerRuntimeModule;
import dev.steward.adapter.llm.LlmReasonerModule;
import dev.steward.adapter.persistence.PersistenceModule;
import dev.steward.adapter.psa.PsaModule;
import dev.steward.adapter.web.WebModule;
import dev.steward.adapter.web.WebSettings;
import java.util.ArrayList;
import java.util.List;

/** Chooses the modules for a configuration. Selection happens here, never inside a module. */
final class Profiles {

    private Profiles() {
    }

    static List<Module> modulesFor(StewardConfig config) {
        List<Module> modules = new ArrayList<>();
        modules.add(new CoreModule(config));
        modules.add(switch (config.store()) {
            case POSTGRES -> new PersistenceModule(config.persistence(), config.secretKey());
            case MEMORY -> new InMemoryModule();
        });
        modules.add(switch (config.runtime()) {
            case INPROCESS -> new InProcessRuntimeModule();
            case DOCKER, SWARM -> new DockerRuntimeModule(config.docker().orElseThrow());
        });
        modules.add(switch (config.reasoner()) {
            case RUNBOOK -> new RunbookReasonerModule();
            case OPENAI -> new LlmReasonerModule(config.llm().orElseThrow());
        });
        modules.add(new PsaModule());
        modules.add(new WebModule(new WebSettings(config.httpHost(), config.httpPort(), config.maxRequestBytes())));
        return modules;
    }
}
