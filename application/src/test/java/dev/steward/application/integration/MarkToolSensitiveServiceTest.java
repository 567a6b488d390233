package dev.steward.application.integration;

import static dev.steward.application.integration.IntegrationWorld.psa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.Msp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MarkToolSensitiveServiceTest {

    private static final ToolName GET_TICKET = ToolName.of("connectwise:get-ticket");

    private final IntegrationWorld world = new IntegrationWorld();
    private final Msp msp = world.core.anMsp();

    @AfterEach
    void close() {
        world.close();
    }

    private MarkToolSensitiveCommand mark(Integration integration, String tool, Boolean sensitive) {
        return new MarkToolSensitiveCommand(msp.id(), integration.id().toString(), tool, sensitive, Optional.empty());
    }

    @Test
    void marksAToolSensitiveTakesTheMarkBackAndReconfiguresTheAgents() {
        Client acme = world.core.anActiveClient(msp, "Acme", "acme");
        Integration cw = world.connect.connect(psa(msp.id(), "https://cw.example")).integration();

        IntegrationDetails marked = world.markSensitive.mark(mark(cw, GET_TICKET.value(), true));

        assertThat(marked.integration().isSensitive(GET_TICKET)).isTrue();
        assertThat(marked.integration().version()).isEqualTo(cw.version() + 1);
        assertThat(world.core.stored(acme).configVersion()).isGreaterThan(acme.configVersion());
        assertThat(world.markSensitive.mark(mark(cw, GET_TICKET.value(), true)).integration().version())
                .as("marking again changes nothing").isEqualTo(marked.integration().version());
        assertThat(world.markSensitive.mark(mark(cw, GET_TICKET.value(), false)).integration()
                .isSensitive(GET_TICKET)).isFalse();
    }

    @Test
    void aToolItsKindMarksSensitiveCannotBeUnmarked() {
        Client acme = world.core.anActiveClient(msp, "Acme", "acme");
        Integration docs = world.connect.connect(new ConnectIntegrationCommand(msp.id(), Optional.of("acme"), "hudu",
                Map.of("baseUrl", "https://docs.example"), Map.of("apiKey", "k"))).integration();
        ToolName archive = ToolName.of("hudu:archive-article");
        world.integrations.update(world.integrations.find(msp.id(), docs.id()).orElseThrow()
                .offering(List.of(docs.tool(archive).orElseThrow().asSensitive(),
                        docs.tools().getFirst()), Map.of()));
        Integration stored = world.integrations.find(msp.id(), docs.id()).orElseThrow();

        assertThatThrownBy(() -> world.markSensitive.mark(mark(stored, archive.value(), false)))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("sensitive"));
        assertThat(world.integrations.find(msp.id(), docs.id()).orElseThrow().isSensitive(archive)).isTrue();
        assertThat(acme).isNotNull();
    }

    @Test
    void namesAMissingFlagAndAnUnknownToolOrIntegrationIsNotFound() {
        Integration cw = world.connect.connect(psa(msp.id(), "https://cw.example")).integration();

        assertThatThrownBy(() -> world.markSensitive.mark(mark(cw, GET_TICKET.value(), null)))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("sensitive"));
        assertThatThrownBy(() -> world.markSensitive.mark(mark(cw, "connectwise:nothing", true)))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> world.markSensitive.mark(new MarkToolSensitiveCommand(world.core.anMsp().id(),
                cw.id().toString(), GET_TICKET.value(), true, Optional.empty()))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> world.markSensitive.mark(new MarkToolSensitiveCommand(msp.id(), cw.id().toString(),
                GET_TICKET.value(), true, Optional.of(99L)))).isInstanceOf(Conflict.class);
    }
}
