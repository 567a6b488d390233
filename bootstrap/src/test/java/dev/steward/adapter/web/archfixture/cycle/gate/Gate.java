package dev.steward.adapter.web.archfixture.cycle.gate;

import dev.steward.adapter.web.archfixture.cycle.pages.Page;

/** With {@link Page}, a cycle between two packages (for ArchitectureTest only). */
public final class Gate {

    public static String name() {
        return "gate";
    }

    public static boolean admits(String accept) {
        return Page.wanted(accept);
    }
}
