package dev.steward.adapter.web.metrics;

import dev.steward.application.port.activity.MetricsRecorder;
import dev.steward.application.port.activity.MetricsRecorderContract;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;

class MicrometerMetricsRecorderTest extends MetricsRecorderContract {

    /** The kit's names and the meters they are. */
    private static final Map<String, String> METERS = Map.of("reconcile_passes", "steward.reconcile.pass",
            "agents_provisioned", "steward.provisioning.latency", "clients", "steward.clients",
            "clients_deploy", "steward.clients.deploy", "approvals_pending", "steward.approvals.pending",
            "agents_running_here", "steward.agents.running.here", "work_items", "steward.work.items",
            "webhook_deliveries", "steward.webhook.deliveries", "tool_calls", "steward.tool.calls",
            "model_tokens", "steward.model.tokens");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MicrometerMetricsRecorder recorder = new MicrometerMetricsRecorder(registry);

    @Override
    protected MetricsRecorder recorder() {
        return recorder;
    }

    @Override
    protected long reading(String name, String... labels) {
        Search search = registry.find(METERS.get(name)).tags(Tags.of(labels));
        Timer timer = search.timer();
        if (timer != null) {
            return timer.count();
        }
        Counter counter = search.counter();
        if (counter != null) {
            return (long) counter.count();
        }
        Gauge gauge = search.gauge();
        return gauge == null ? 0 : (long) gauge.value();
    }
}
