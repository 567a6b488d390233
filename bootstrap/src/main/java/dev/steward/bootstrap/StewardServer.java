package dev.steward.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.github.dockerjava.api.DockerClient;
import com.google.inject.Key;
import dev.steward.adapter.persistence.Database;
import com.google.inject.Stage;
import dev.steward.adapter.web.WebServer;
import dev.steward.application.client.CreateClientUseCase;
import dev.steward.application.client.DeleteClientUseCase;
import dev.steward.application.client.GetClientUseCase;
import dev.steward.application.client.ListClientsUseCase;
import dev.steward.application.client.ListStatusHistoryUseCase;
import dev.steward.application.inmemory.InProcessAgentRuntime;
import dev.steward.application.msp.RegisterMspCommand;
import dev.steward.application.msp.RegisterMspUseCase;
import dev.steward.application.port.MspRepository;
import dev.steward.application.provisioning.ProvisioningLoop;
import dev.steward.domain.msp.Msp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running control plane: stores, reconciler loop and HTTP server, started in that order and stopped in reverse.
 * This is the composition root; it is the only place that asks the injector for instances.
 */
public final class StewardServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StewardServer.class);

    private final Injector injector;
    private final ProvisioningLoop loop;
    private final WebServer web;
    private final Msp defaultMsp;

    private StewardServer(Injector injector) {
        this.injector = injector;
        this.defaultMsp = ensureAnMsp(injector);
        this.loop = injector.getInstance(ProvisioningLoop.class);
        this.web = injector.getInstance(WebServer.class);
    }

    public static StewardServer start(StewardConfig config) {
        Injector injector = Guice.createInjector(Stage.PRODUCTION, Profiles.modulesFor(config));
        StewardServer server = new StewardServer(injector);
        server.loop.start();
        server.web.start();
        return server;
    }

    /** On a fresh store there is no tenant yet; the embedded default creates one so the dashboard and API work. */
    private static Msp ensureAnMsp(Injector injector) {
        MspRepository msps = injector.getInstance(MspRepository.class);
        return msps.list().stream().findFirst().orElseGet(() -> {
            Msp created = injector.getInstance(RegisterMspUseCase.class).register(new RegisterMspCommand("Default MSP"));
            LOG.info("created the first MSP '{}' ({})", created.name(), created.id());
            return created;
        });
    }

    /** The core's use cases, for embedding a running control plane (and for tests). */
    public UseCases useCases() {
        return new UseCases(injector.getInstance(CreateClientUseCase.class), injector.getInstance(GetClientUseCase.class),
                injector.getInstance(ListClientsUseCase.class), injector.getInstance(DeleteClientUseCase.class),
                injector.getInstance(ListStatusHistoryUseCase.class));
    }

    public record UseCases(CreateClientUseCase createClient, GetClientUseCase getClient, ListClientsUseCase listClients,
                           DeleteClientUseCase deleteClient, ListStatusHistoryUseCase history) {}

    /**
     * A component of the running server, for bootstrap's own integration tests: the wiring no API offers yet
     * (connecting a PSA with its secrets, mapping a client to a PSA company, a tool integration).
     */
    <T> T component(Class<T> type) {
        return injector.getInstance(type);
    }

    public int port() {
        return web.port();
    }

    public Msp defaultMsp() {
        return defaultMsp;
    }

    @Override
    public void close() {
        web.close();
        loop.close();
        if (injector.getExistingBinding(Key.get(InProcessAgentRuntime.class)) != null) {
            injector.getInstance(InProcessAgentRuntime.class).close();
        }
        if (injector.getExistingBinding(Key.get(DockerClient.class)) != null) {
            try {
                injector.getInstance(DockerClient.class).close();
            } catch (java.io.IOException e) {
                LOG.warn("closing the Docker client failed: {}", e.getMessage());
            }
        }
        if (injector.getExistingBinding(Key.get(Database.class)) != null) {
            injector.getInstance(Database.class).close();
        }
    }
}
