package dev.steward.adapter.web;

import java.util.Objects;

/** Where the HTTP server listens and how much it accepts. */
public record WebSettings(String host, int port, long maxRequestBytes) {

    public WebSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535");
        }
        if (maxRequestBytes < 1_024) {
            throw new IllegalArgumentException("maxRequestBytes must be at least 1024");
        }
    }
}
