package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.api.ClientJson;
import dev.steward.adapter.web.api.DiagnosticsJson;
import dev.steward.adapter.web.api.DiagnosticsJson.HealthJson;
import dev.steward.adapter.web.api.DiagnosticsJson.UsageJson;
import dev.steward.adapter.web.dashboard.Layout.Section;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The Diagnostics tab: the agent's health, its resource use, and its newest log lines with a follow switch. */
final class DiagnosticsPage {

    static final int TAIL = 200;

    private DiagnosticsPage() {
    }

    static Html render(ClientJson c, DiagnosticsJson d) {
        HealthJson h = d.health();
        Html body = Html.of("""
                %s
                <section data-client="%s" aria-labelledby="health-h">
                <h2 id="health-h">Health</h2>
                <dl class="facts">
                <dt>Agent status</dt><dd aria-live="polite">%s</dd>
                <dt>Running</dt><dd>%s</dd>
                <dt>Health</dt><dd>%s</dd>
                <dt>Restarts</dt><dd>%s</dd>
                <dt>Uptime</dt><dd>%s</dd>
                <dt>Exit code</dt><dd>%s</dd>
                <dt>Image</dt><dd><code>%s</code></dd>
                <dt>Last heartbeat</dt><dd>%s</dd>
                <dt>Runtime says</dt><dd>%s</dd>
                </dl>
                </section>
                <section aria-labelledby="usage-h">
                <h2 id="usage-h">Resource usage</h2>
                %s
                </section>
                <section aria-labelledby="logs-h">
                <h2 id="logs-h">Logs</h2>
                <label class="choice"><input type="checkbox" id="follow" data-follow="/api/v1/clients/%s/diagnostics?tail=%s"> \
                Follow (reload the newest %s lines every 3 seconds)</label>
                <pre class="logs preview" data-logs tabindex="0" aria-labelledby="logs-h">%s</pre>
                </section>
                """, ClientPages.tabs(c, "diagnostics"), c.slug(), ClientPages.statusBadge(c.status()),
                h.running() ? "yes" : "no", h.state(), h.restarts(), unknownOr(h.uptimeSeconds(), s -> s + " s"),
                unknownOr(h.exitCode(), String::valueOf), h.image().isEmpty() ? "unknown" : h.image(),
                unknownOr(h.lastHeartbeat(), Object::toString), unknownOr(h.detail(), Object::toString), usage(d.usage()), c.slug(), TAIL, TAIL,
                d.logs().isEmpty() ? "No log lines." : d.logs().stream().map(l -> l.at() + "  " + l.text())
                        .collect(Collectors.joining("\n")));
        return Layout.page(c.name() + " · Diagnostics", Section.CLIENTS,
                Optional.of("/api/v1/clients/" + c.slug()), body);
    }

    private static <T> String unknownOr(T value, java.util.function.Function<T, String> format) {
        return value == null ? "unknown" : format.apply(value);
    }

    private static Html usage(UsageJson u) {
        if (u == null) {
            return new Html("<p>The agent runtime reports no resource usage for this agent.</p>");
        }
        return Html.of("""
                <dl class="facts">
                <dt>CPU</dt><dd>%s %% of one core</dd>
                <dt>Memory</dt><dd>%s of %s</dd>
                <dt>Network</dt><dd>%s received, %s sent</dd>
                <dt>Block I/O</dt><dd>%s read, %s written</dd>
                </dl>
                """, String.format(Locale.ROOT, "%.1f", u.cpuPercent()), bytes(u.memoryUsedBytes()),
                bytes(u.memoryLimitBytes()), bytes(u.networkRxBytes()), bytes(u.networkTxBytes()),
                bytes(u.blockReadBytes()), bytes(u.blockWriteBytes()));
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = n;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
