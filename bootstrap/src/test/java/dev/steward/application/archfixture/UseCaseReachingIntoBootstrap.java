package dev.steward.application.archfixture;

import dev.steward.bootstrap.StewardConfig;

/** Breaks "nothing outside bootstrap depends on bootstrap" (for ArchitectureTest only). */
public final class UseCaseReachingIntoBootstrap {

    public String store(StewardConfig config) {
        return config.store().name();
    }
}
