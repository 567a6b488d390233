package dev.steward.adapter.docker;

import com.github.dockerjava.api.DockerClient;
import dev.steward.application.lifecycle.Lifecycle;
import jakarta.inject.Inject;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closes the engine client's connection pool when the control plane stops, after everything that used it. */
final class DockerClientLifecycle implements Lifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DockerClientLifecycle.class);

    private final DockerClient docker;

    @Inject
    DockerClientLifecycle(DockerClient docker) {
        this.docker = docker;
    }

    @Override
    public Phase phase() {
        return Phase.RESOURCES;
    }

    /** Nothing to open: the first engine call connects. */
    @Override
    public void start() {
    }

    @Override
    public void stop() {
        try {
            docker.close();
        } catch (IOException e) {
            LOG.warn("closing the Docker client failed: {}", e.getMessage());
        }
    }
}
