package dev.steward.bootstrap;

/** A setting that cannot be used; the message names the environment variable and what is wrong. */
public final class ConfigurationError extends IllegalArgumentException {

    public ConfigurationError(String message) {
        super(message);
    }
}
