package dev.steward.application.archfixture;

import com.github.dockerjava.api.DockerClient;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;

/** Breaks "frameworks stay in their adapter": HTTP, Docker and metrics in the core (for ArchitectureTest only). */
public final class ServiceUsingFrameworks {

    public String path(Context ctx) {
        return ctx.path();
    }

    public void ping(DockerClient docker) {
        docker.pingCmd().exec();
    }

    public void count(MeterRegistry registry) {
        registry.counter("fixture").increment();
    }
}
