package dev.steward.domain.archfixture;

/** Breaks "domain types are immutable" (for ArchitectureTest only). */
public class MutableDomainType {

    public int counter;
}
