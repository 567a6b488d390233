package dev.steward.application.archfixture;

/** Breaks constructor-only injection and "Guice only in modules" (for ArchitectureTest only). */
public final class ServiceWithFieldInjection {

    @com.google.inject.Inject
    java.time.Clock clock;
}
