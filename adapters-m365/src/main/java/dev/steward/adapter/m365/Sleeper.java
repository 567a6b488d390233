package dev.steward.adapter.m365;

import java.time.Duration;

/** Waits between retries; tests substitute one that records the waits instead of sleeping. */
@FunctionalInterface
interface Sleeper {

    Sleeper REAL = Thread::sleep;

    void sleep(Duration duration) throws InterruptedException;
}
