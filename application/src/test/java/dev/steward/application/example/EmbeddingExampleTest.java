package dev.steward.application.example;

import dev.steward.application.provisioning.ProvisioningWakeUp;
import dev.steward.application.id.TimeOrderedIdGenerator;
import dev.steward.application.inmemory.InMemoryMetricsRecorder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.application.client.ClientDetails;
import dev.steward.application.client.CreateClientCommand;
import dev.steward.application.client.CreateClientService;
import dev.steward.application.client.GetClientService;
import dev.steward.application.agent.AgentReasoning;
import dev.steward.application.inmemory.InMemoryAgentApi;
import dev.steward.application.inmemory.InMemoryAgentCheckIns;
import dev.steward.application.inmemory.InMemoryClientRepository;
import dev.steward.application.inmemory.InMemoryMspRepository;
import dev.steward.application.inmemory.InMemoryUnitOfWork;
import dev.steward.application.inprocess.InProcessAgentRuntime;
import dev.steward.application.inprocess.InProcessControlPlane;
import dev.steward.application.msp.RegisterMspCommand;
import dev.steward.application.msp.RegisterMspService;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.provisioning.ProvisioningLoop;
import dev.steward.application.provisioning.ProvisioningLoop.ReconcilerTiming;
import dev.steward.application.provisioning.ProvisioningReconciler;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.msp.Msp;
import jakarta.validation.Validation;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's "use the core as a library" example, kept compiling and true by running it. */
class EmbeddingExampleTest {

    @Test
    void theReadmeExampleWorks() {
        // --- README example starts here ---
        Clock clock = Clock.systemUTC();
        var unitOfWork = new InMemoryUnitOfWork();
        var clients = new InMemoryClientRepository(unitOfWork);
        var msps = new InMemoryMspRepository(unitOfWork);
        var ids = new TimeOrderedIdGenerator(clock);
        var validator = new CommandValidator(Validation.buildDefaultValidatorFactory().getValidator());
        var checkIns = new InMemoryAgentCheckIns();
        var agentApi = new InMemoryAgentApi(clock, unitOfWork, clients, msps, checkIns);   // what agents call
        var runtime = new InProcessAgentRuntime(clock,
                InProcessControlPlane.connector(agentApi.api(), agentApi.credentials), AgentReasoning.runbooks());

        Msp msp = new RegisterMspService(validator, msps, ids, clock, unitOfWork)
                .register(new RegisterMspCommand("Example MSP"));
        var createClient = new CreateClientService(validator, clients, msps, ids, clock, unitOfWork,
                ProvisioningWakeUp.NONE);
        ClientDetails acme = createClient.create(new CreateClientCommand(msp.id(), "Acme Corp", "acme-corp"));

        var reconciler = new ProvisioningReconciler(clients, runtime, checkIns, unitOfWork, clock,
                new InMemoryMetricsRecorder());
        try (var loop = new ProvisioningLoop(reconciler, ReconcilerTiming.DEFAULT)) {
            loop.start();   // provisions in the background: creating -> provisioning -> active
            var getClient = new GetClientService(clients, msps);
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    getClient.get(msp.id(), "acme-corp").client().status() == AgentStatus.ACTIVE);
        }
        // --- README example ends here ---
        assertThat(acme.client().status()).isEqualTo(AgentStatus.CREATING);
        runtime.close();
    }
}
