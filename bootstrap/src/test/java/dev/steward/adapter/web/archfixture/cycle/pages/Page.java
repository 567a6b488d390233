package dev.steward.adapter.web.archfixture.cycle.pages;

import dev.steward.adapter.web.archfixture.cycle.gate.Gate;

/** With {@link Gate}, a cycle between two packages, as ErrorPage → Layout → SignInGate → ErrorPage was. */
public final class Page {

    public static final String FIELD = "_csrf";

    public static boolean wanted(String accept) {
        return Gate.name().equals(accept);
    }
}
