package dev.steward.application.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.InMemoryCore;
import dev.steward.application.mode.ChangeOperatingModeCommand;
import dev.steward.application.problem.NotFound;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.client.Client;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.msp.Msp;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GetClientServiceTest {

    private final InMemoryCore core = new InMemoryCore();
    private final Msp msp = core.anMsp();

    @AfterEach
    void stopAgents() {
        core.close();
    }

    @Test
    void returnsTheClientWithItsEffectiveMode() {
        Client acme = core.aClient(msp, "Acme Corp", "acme");

        ClientDetails details = core.getClient.get(msp.id(), "acme");

        assertThat(details.client()).isEqualTo(acme);
        assertThat(details.effectiveMode()).isEqualTo(EffectiveMode.PLAN);

        core.changeMode.change(new ChangeOperatingModeCommand(msp.id(), "acme", "execute", Optional.empty()));
        assertThat(core.getClient.get(msp.id(), "acme").effectiveMode()).isEqualTo(EffectiveMode.EXECUTE);
    }

    @Test
    void doesNotFindAnUnknownSlug() {
        assertThatThrownBy(() -> core.getClient.get(msp.id(), "nobody"))
                .isInstanceOf(NotFound.class)
                .hasMessage("client 'nobody' was not found");
    }

    @Test
    void treatsAMalformedSlugAsNotFound() {
        assertThatThrownBy(() -> core.getClient.get(msp.id(), "Not A Slug")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> core.getClient.get(msp.id(), null)).isInstanceOf(NotFound.class);
    }

    @Test
    void doesNotFindAnotherMspsClient() {
        Msp other = core.anMsp();
        core.aClient(other, "Acme Corp", "acme");

        assertThatThrownBy(() -> core.getClient.get(msp.id(), "acme")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> core.getClient.get(Fixtures.uniqueMspId(), "acme")).isInstanceOf(NotFound.class);
    }
}
