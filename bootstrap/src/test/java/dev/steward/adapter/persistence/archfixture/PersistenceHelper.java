package dev.steward.adapter.persistence.archfixture;

/** The other side of {@code WebAdapterReachingIntoPersistence} (for ArchitectureTest only). */
public final class PersistenceHelper {

    public String name() {
        return "persistence";
    }
}
