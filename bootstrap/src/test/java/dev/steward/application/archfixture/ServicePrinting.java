package dev.steward.application.archfixture;

/** Breaks "main code logs instead of printing" (for ArchitectureTest only). */
public final class ServicePrinting {

    public void report(String what) {
        System.out.println(what);
    }
}
