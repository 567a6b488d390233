package dev.steward.adapter.m365.archfixture;

import dev.steward.application.inmemory.InMemoryMetricsRecorder;

/** Breaks "adapters never build on an in-memory adapter" (for ArchitectureTest only). */
public final class AdapterBuiltOnAnInMemoryAdapter {

    public Object metrics() {
        return new InMemoryMetricsRecorder();
    }
}
