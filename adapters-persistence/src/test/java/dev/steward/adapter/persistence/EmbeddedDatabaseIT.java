package dev.steward.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.name.Names;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.signin.CallerCheckedUnitOfWork;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.client.Client;
import dev.steward.domain.msp.Msp;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The embedded default: data survives a restart, and PersistenceModule wires the stores onto it. */
class EmbeddedDatabaseIT {

    private final Path directory = TestDatabase.newDirectory("restart-");

    @AfterEach
    void removeDataDirectory() {
        TestDatabase.delete(directory);
    }

    @Test
    void keepsTheDataWhenTheServerIsStoppedAndStartedAgainOnTheSameDirectory() {
        Msp msp = Fixtures.anMsp();
        Client client;
        try (Database first = Database.open(new PersistenceSettings.Embedded(directory, 2))) {
            JdbiStores stores = new JdbiStores(new JdbiUnitOfWork(first.jdbi()));
            stores.msps().add(msp);
            client = stores.clients().add(Fixtures.aClient().inMsp(msp).build());
            client = stores.clients().update(client.movedTo(AgentStatus.PROVISIONING, "start", Fixtures.T0));
        }

        try (Database second = Database.open(new PersistenceSettings.Embedded(directory, 2))) {
            JdbiStores stores = new JdbiStores(new JdbiUnitOfWork(second.jdbi()));

            assertThat(Migrations.migrate(second.dataSource())).as("the schema is already current").isZero();
            assertThat(stores.clients().find(client.id())).contains(client);
            assertThat(stores.clients().history(client.id())).hasSize(2);
            assertThat(stores.msps().find(msp.id())).contains(msp.atVersion(1));
        }
    }

    @Test
    void wiresEveryStoreOntoOneUnitOfWorkThroughPersistenceModule() {
        Database database = Database.open(new PersistenceSettings.Embedded(directory, 2));
        Injector injector = Guice.createInjector(Stage.PRODUCTION, binder -> {
            binder.requireExplicitBindings();
            binder.requireAtInjectOnConstructors();
            binder.disableCircularProxies();
            binder.bind(java.time.Clock.class).toInstance(java.time.Clock.systemUTC());
        }, new PersistenceModule(database, new SecretKeySource.KeyFile(directory.resolve("secret.key"), true)));
        try {
            UnitOfWork unitOfWork = injector.getInstance(Key.get(UnitOfWork.class,
                    Names.named(CallerCheckedUnitOfWork.STORE)));
            MspRepository msps = injector.getInstance(MspRepository.class);
            ClientRepository clients = injector.getInstance(ClientRepository.class);
            Msp msp = Fixtures.anMsp();
            Client client = Fixtures.aClient().inMsp(msp).build();

            unitOfWork.run(() -> {
                msps.add(msp);
                clients.add(client);
            });

            assertThat(clients).isInstanceOf(CachedClientRepository.class);
            assertThat(unitOfWork).isSameAs(injector.getInstance(JdbiUnitOfWork.class));
            assertThat(clients.find(client.id())).contains(client.atVersion(1));
        } finally {
            database.close();
        }
    }
}
