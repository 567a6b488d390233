package dev.steward.bootstrap;

import com.google.inject.Module;
import dev.steward.adapter.docker.DockerRuntimeModule;
import dev.steward.adapter.llm.LlmReasonerModule;
import dev.steward.adapter.persistence.Database;
import dev.steward.adapter.persistence.PersistenceModule;
import dev.steward.adapter.web.WebModule;
import dev.steward.adapter.web.WebSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Chooses the modules for a configuration. Selection happens here, never inside a module. */
final class Profiles {

    private Profiles() {
    }

    /** @param database the open database when the store is PostgreSQL (bootstrap opens it before the injector) */
    static List<Module> modulesFor(StewardConfig config, Optional<Database> database) {
        List<Module> modules = new ArrayList<>();
        modules.add(new CoreModule(config));
        modules.add(switch (config.store()) {
            case POSTGRES -> new PersistenceModule(database.orElseThrow(() -> new IllegalStateException(
                    "the PostgreSQL store needs its database opened first")), config.secretKey());
            case MEMORY -> new InMemoryModule();
        });
        modules.add(switch (config.runtime()) {
            case INPROCESS -> new InProcessRuntimeModule();
            case DOCKER, SWARM -> new DockerRuntimeModule(config.docker().orElseThrow());
        });
        // the runbook reasoner runs entirely in the agents; a model needs the control plane's side of it
        config.llm().ifPresent(llm -> modules.add(new LlmReasonerModule(llm)));
        modules.add(new ProviderModule());
        modules.add(new WebModule(new WebSettings(config.httpHost(), config.httpPort(), config.maxRequestBytes(),
                config.metricsToken(), config.security().trustProxy(), config.publicUrl())));
        return modules;
    }
}
