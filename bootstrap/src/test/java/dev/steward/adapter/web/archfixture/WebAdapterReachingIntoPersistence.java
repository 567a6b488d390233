package dev.steward.adapter.web.archfixture;

import dev.steward.adapter.persistence.archfixture.PersistenceHelper;

/** Breaks "adapters do not depend on each other" (for ArchitectureTest only). */
public final class WebAdapterReachingIntoPersistence {

    public String use() {
        return new PersistenceHelper().name();
    }
}
