package dev.steward.application.archfixture;

/** Breaks "every use case has its service" (for ArchitectureTest only). */
public interface UseCaseWithoutService {

    void act();
}
