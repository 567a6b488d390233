package dev.steward.adapter.web;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the HTTP server listens and how much it accepts; {@code metricsToken} is the bearer token a Prometheus scraper
 * sends to {@code GET /metrics} (no token: metrics are off); whether to believe a reverse proxy's
 * {@code X-Forwarded-Proto: https} ({@code trustProxy}: only when a proxy in front of Steward sets it, otherwise any
 * caller could claim to be on TLS).
 */
public record WebSettings(String host, int port, long maxRequestBytes, Optional<String> metricsToken,
                          boolean trustProxy) {

    public WebSettings(String host, int port, long maxRequestBytes) {
        this(host, port, maxRequestBytes, Optional.empty(), false);
    }

    public WebSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(metricsToken, "metricsToken");
        if (metricsToken.isPresent() && metricsToken.get().length() < 16) {
            throw new IllegalArgumentException("the metrics token must be at least 16 characters");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535");
        }
        if (maxRequestBytes < 1_024) {
            throw new IllegalArgumentException("maxRequestBytes must be at least 1024");
        }
    }

    @Override
    public String toString() {
        return "WebSettings[host=" + host + ", port=" + port + ", maxRequestBytes=" + maxRequestBytes
                + ", metricsToken=" + (metricsToken.isPresent() ? "***" : "none") + ", trustProxy=" + trustProxy + "]";
    }
}
