package dev.steward.application.inmemory;

import dev.steward.application.port.activity.MetricsRecorder;
import dev.steward.application.port.activity.MetricsRecorderContract;

class InMemoryMetricsRecorderTest extends MetricsRecorderContract {

    private final InMemoryMetricsRecorder recorder = new InMemoryMetricsRecorder();

    @Override
    protected MetricsRecorder recorder() {
        return recorder;
    }

    @Override
    protected long reading(String name, String... labels) {
        return recorder.value(name, labels);
    }
}
