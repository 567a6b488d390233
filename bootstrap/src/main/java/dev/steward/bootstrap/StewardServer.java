package dev.steward.bootstrap;

import dev.steward.application.signin.ApiTokensUseCase;
import dev.steward.application.signin.CreateUserCommand;
import dev.steward.application.signin.CreateUserUseCase;
import dev.steward.domain.user.User;
import dev.steward.application.signin.FirstRunUseCase;
import dev.steward.application.signin.FirstRunUseCase.FirstAdmin;
import java.util.Optional;
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
import dev.steward.application.integration.ReconnectIntegrationsUseCase;
import dev.steward.application.port.MspRepository;
import dev.steward.application.provisioning.ProvisioningLoop;
import dev.steward.application.ticket.TicketPollingLoop;
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
    private final TicketPollingLoop polling;
    private final WebServer web;
    private final Msp defaultMsp;
    private final Optional<FirstAdmin> firstAdmin;

    private StewardServer(Injector injector, StewardConfig.FirstRun firstRun) {
        this.injector = injector;
        this.firstAdmin = injector.getInstance(FirstRunUseCase.class)
                .setUp(firstRun.mspName(), firstRun.adminEmail(), firstRun.adminPassword());
        this.defaultMsp = injector.getInstance(MspRepository.class).list().getFirst();
        // stored PSAs take tickets in (webhooks, polling) and take notes only once they are live again
        int live = injector.getInstance(ReconnectIntegrationsUseCase.class).reconnectAll();
        LOG.info("{} stored integration(s) live", live);
        this.loop = injector.getInstance(ProvisioningLoop.class);
        this.polling = injector.getInstance(TicketPollingLoop.class);
        this.web = injector.getInstance(WebServer.class);
    }

    public static StewardServer start(StewardConfig config) {
        Injector injector = Guice.createInjector(Stage.PRODUCTION, Profiles.modulesFor(config));
        StewardServer server = new StewardServer(injector, config.firstRun());
        server.loop.start();
        server.polling.start();
        server.web.start();
        return server;
    }

    /** The first admin created at this start (empty when the store already had users). */
    public Optional<FirstAdmin> firstAdmin() {
        return firstAdmin;
    }


    /**
     * Adds a user to the installation's first MSP without starting the server (the {@code add-user} command): for a
     * second technician, or when the first admin's password was lost.
     */
    public static User addUser(StewardConfig config, String email, String role, String password) {
        Injector injector = Guice.createInjector(Stage.PRODUCTION, Profiles.modulesFor(config));
        try {
            Msp msp = injector.getInstance(MspRepository.class).list().stream().findFirst()
                    .orElseThrow(() -> new ConfigurationError("no MSP yet: start the server once first"));
            return injector.getInstance(CreateUserUseCase.class)
                    .create(new CreateUserCommand(msp.id(), email, password, role));
        } finally {
            if (injector.getExistingBinding(Key.get(Database.class)) != null) {
                injector.getInstance(Database.class).close();
            }
        }
    }

    /** The core's use cases, for embedding a running control plane (and for tests). */
    public UseCases useCases() {
        return new UseCases(injector.getInstance(CreateClientUseCase.class), injector.getInstance(GetClientUseCase.class),
                injector.getInstance(ListClientsUseCase.class), injector.getInstance(DeleteClientUseCase.class),
                injector.getInstance(ListStatusHistoryUseCase.class), injector.getInstance(ApiTokensUseCase.class),
                injector.getInstance(CreateUserUseCase.class));
    }

    public record UseCases(CreateClientUseCase createClient, GetClientUseCase getClient, ListClientsUseCase listClients,
                           DeleteClientUseCase deleteClient, ListStatusHistoryUseCase history,
                           ApiTokensUseCase apiTokens, CreateUserUseCase createUser) {}

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
        polling.close();
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
