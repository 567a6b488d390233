package dev.steward.adapter.web;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the HTTP server listens and how much it accepts; {@code metricsToken} is the bearer token a Prometheus scraper
 * sends to {@code GET /metrics} (no token: metrics are off); whether to believe a reverse proxy's
 * {@code X-Forwarded-Proto: https} ({@code trustProxy}: only when a proxy in front of Steward sets it, otherwise any
 * caller could claim to be on TLS); where people reach this installation ({@code publicUrl},
 * {@code STEWARD_PUBLIC_URL}, as the configuration checked it: no trailing slash): links handed to people (a password link, an OAuth redirect) are built on it when it is
 * set, and on the request's {@code Host} only when it is not, since a caller chooses its {@code Host} header.
 */
public record WebSettings(String host, int port, long maxRequestBytes, Optional<String> metricsToken,
                          boolean trustProxy, Optional<String> publicUrl) {

    public WebSettings(String host, int port, long maxRequestBytes) {
        this(host, port, maxRequestBytes, Optional.empty(), false, Optional.empty());
    }

    public WebSettings(String host, int port, long maxRequestBytes, Optional<String> metricsToken,
                       boolean trustProxy) {
        this(host, port, maxRequestBytes, metricsToken, trustProxy, Optional.empty());
    }

    public WebSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(metricsToken, "metricsToken");
        Objects.requireNonNull(publicUrl, "publicUrl");
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
                + ", metricsToken=" + (metricsToken.isPresent() ? "***" : "none") + ", trustProxy=" + trustProxy
                + ", publicUrl=" + publicUrl.orElse("none") + "]";
    }
}
