package dev.steward.application.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.InMemoryCore;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.agent.RetrySchedule;
import dev.steward.domain.client.Client;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.problem.IllegalTransition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryProvisioningServiceTest {

    private final InMemoryCore core = new InMemoryCore();
    private final Msp msp = core.anMsp();

    @AfterEach
    void stopAgents() {
        core.close();
    }

    /** An active client whose agent crashed: the reconciler moved it to error with a back-off. */
    private Client clientInError() {
        Client acme = core.anActiveClient(msp, "Acme Corp", "acme");
        core.inProcessRuntime.crash(acme.id(), 137);
        core.reconciler.reconcileAll();
        Client failed = core.stored(acme);
        assertThat(failed.status()).isEqualTo(AgentStatus.ERROR);
        assertThat(failed.retry().isDue(core.clock.instant())).isFalse();
        return failed;
    }

    @Test
    void movesAClientInErrorToProvisioningNowWithoutWaitingForTheBackOff() {
        Client failed = clientInError();

        ClientDetails retried = core.retryProvisioning.retry(msp.id(), "acme");

        assertThat(retried.client().status()).isEqualTo(AgentStatus.PROVISIONING);
        assertThat(retried.client().retry()).isEqualTo(RetrySchedule.NONE);
        assertThat(retried.client().lastChange().reason()).isEqualTo("manual retry");
        assertThat(retried.client().version()).isEqualTo(failed.version() + 1);
    }

    @Test
    void theReconcilerThenBringsItBackToActive() {
        clientInError();
        core.retryProvisioning.retry(msp.id(), "acme");

        core.reconciler.reconcileDue();

        assertThat(core.details(msp, "acme").client().status()).isEqualTo(AgentStatus.ACTIVE);
    }

    @Test
    void refusesAClientThatIsNotInErrorOrPending() {
        Client acme = core.anActiveClient(msp, "Acme Corp", "acme");

        assertThatThrownBy(() -> core.retryProvisioning.retry(msp.id(), "acme"))
                .isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("active");
        assertThat(core.stored(acme)).isEqualTo(acme);
    }

    @Test
    void refusesAnUnknownClient() {
        assertThatThrownBy(() -> core.retryProvisioning.retry(msp.id(), "nobody")).isInstanceOf(NotFound.class);
    }
}
