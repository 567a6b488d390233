package dev.steward.application.psa;

import dev.steward.application.inmemory.InMemoryTicketSystems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.InMemoryCore;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.client.PsaMapping;
import dev.steward.domain.msp.Msp;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MapClientToPsaServiceTest {

    private final InMemoryCore core = new InMemoryCore();
    private final MapClientToPsaService service = new MapClientToPsaService(core.validator, core.clients, core.msps,
            core.unitOfWork, new InMemoryTicketSystems());
    private final Msp msp = core.anMsp();

    @AfterEach
    void stop() {
        core.close();
    }

    private MapClientToPsaCommand map(String slug, String kind, String company) {
        return new MapClientToPsaCommand(msp.id(), slug, kind, company, Optional.empty());
    }

    @Test
    void mapsAClientToItsCompanyAndRemovesTheMapping() {
        core.aClient(msp, "Acme", "acme");

        var mapped = service.map(map("acme", "connectwise", " 250 "));

        assertThat(mapped.client().psaMapping()).contains(new PsaMapping("connectwise", "250"));
        assertThat(core.clients.findByPsaMapping(msp.id(), new PsaMapping("connectwise", "250")))
                .map(c -> c.slug().value()).contains("acme");
        assertThat(service.map(map("acme", "", "")).client().psaMapping()).isEmpty();
    }

    @Test
    void oneCompanyIsOneClient() {
        core.aClient(msp, "Acme", "acme");
        core.aClient(msp, "Globex", "globex");
        service.map(map("acme", "halopsa", "12"));

        assertThatThrownBy(() -> service.map(map("globex", "halopsa", "12")))
                .isInstanceOfSatisfying(Conflict.class, c -> {
                    assertThat(c.code()).isEqualTo("psaMapping.taken");
                    assertThat(c.field()).contains("companyId");
                    assertThat(c.getMessage()).contains("'acme'");
                });
        assertThat(service.map(map("acme", "halopsa", "12")).client().psaMapping()).isPresent();
        assertThat(service.map(map("globex", "autotask", "12")).client().psaMapping()).isPresent();
    }

    @Test
    void namesEveryBadFieldAndChangesNothing() {
        core.aClient(msp, "Acme", "acme");

        assertThatThrownBy(() -> service.map(map("acme", "connectwise", null)))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("companyId"));
        assertThatThrownBy(() -> service.map(map("acme", "Connect Wise", "1")))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("integrationKind"));
        assertThatThrownBy(() -> service.map(map("acme", "autotask", "x".repeat(201))))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations())
                        .extracting(v -> v.code()).containsExactly("companyId.too-long"));
        assertThatThrownBy(() -> service.map(map("nobody", "autotask", "1"))).isInstanceOf(NotFound.class);
        assertThat(core.clients.find(msp.id(), dev.steward.domain.client.Slug.of("acme")).orElseThrow()
                .psaMapping()).isEmpty();
    }
}
