package dev.steward.application.archfixture;

/** Breaks "no method injection" (for ArchitectureTest only). */
public final class ServiceWithMethodInjection {

    private java.time.Clock clock;

    @jakarta.inject.Inject
    void clock(java.time.Clock clock) {
        this.clock = clock;
    }

    public java.time.Clock clock() {
        return clock;
    }
}
