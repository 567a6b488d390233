package dev.steward.adapter.llm;

import java.time.Duration;

/** Waits between attempts; tests substitute one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Pause {

    Pause REAL = Thread::sleep;

    void sleep(Duration duration) throws InterruptedException;
}
