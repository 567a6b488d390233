package dev.steward.application.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.steward.application.InMemoryCore;
import dev.steward.application.mode.ChangeDefaultModeCommand;
import dev.steward.application.mode.ChangeOperatingModeCommand;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.NotFound;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.msp.Msp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ListClientsServiceTest {

    private final InMemoryCore core = new InMemoryCore();
    private final Msp msp = core.anMsp();

    @AfterEach
    void stopAgents() {
        core.close();
    }

    private ClientPage list(String status, String search, String after, int limit) {
        return core.listClients.list(new ListClientsQuery(msp.id(), status, search, after, limit));
    }

    private static List<String> slugs(ClientPage page) {
        return page.items().stream().map(d -> d.client().slug().value()).toList();
    }

    @Test
    void listsTheMspsClientsBySlugWithTheirEffectiveMode() {
        core.aClient(msp, "Globex", "globex");
        core.aClient(msp, "Acme Corp", "acme");
        core.changeMode.change(new ChangeOperatingModeCommand(msp.id(), "globex", "execute", Optional.empty()));

        ClientPage page = core.listClients.list(ListClientsQuery.firstPage(msp.id()));

        assertThat(slugs(page)).containsExactly("acme", "globex");
        assertThat(page.items()).extracting(ClientDetails::effectiveMode)
                .containsExactly(EffectiveMode.PLAN, EffectiveMode.EXECUTE);
        assertThat(page.nextAfter()).isEmpty();
    }

    @Test
    void showsInheritingClientsFollowingANewMspDefault() {
        core.aClient(msp, "Acme Corp", "acme");
        core.changeDefaultMode.change(new ChangeDefaultModeCommand(msp.id(), "execute", Optional.empty()));

        assertThat(list(null, null, null, 10).items().getFirst().effectiveMode()).isEqualTo(EffectiveMode.EXECUTE);
    }

    @Test
    void neverListsAnotherMspsClients() {
        Msp other = core.anMsp();
        core.aClient(msp, "Acme Corp", "acme");
        core.aClient(other, "Acme Corp", "acme");
        core.aClient(other, "Initech", "initech");

        assertThat(list(null, null, null, 100).items()).extracting(d -> d.client().msp()).containsOnly(msp.id());
        assertThat(list(null, "initech", null, 100).items()).isEmpty();
    }

    @Test
    void filtersByStatus() {
        core.anActiveClient(msp, "Acme Corp", "acme");
        core.aClient(msp, "Globex", "globex");

        assertThat(slugs(list("active", null, null, 100))).containsExactly("acme");
        assertThat(slugs(list("creating", null, null, 100))).containsExactly("globex");
        assertThat(slugs(list("", null, null, 100))).containsExactly("acme", "globex");
    }

    @Test
    void searchesNamesAndSlugsIgnoringCase() {
        core.aClient(msp, "Acme Corp", "acme");
        core.aClient(msp, "Globex Corporation", "globex");
        core.aClient(msp, "Initech", "itech");

        assertThat(slugs(list(null, "CORP", null, 100))).containsExactly("acme", "globex");
        assertThat(slugs(list(null, "  itech ", null, 100))).containsExactly("itech");
        assertThat(slugs(list(null, "   ", null, 100))).hasSize(3);
    }

    @Test
    void pagesThroughEveryClientOnceWithTheCursor() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String slug = "client-" + i;
            core.aClient(msp, "Client " + i, slug);
            expected.add(slug);
        }

        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            ClientPage page = list(null, null, after, 3);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
            seen.addAll(slugs(page));
            after = page.nextAfter().orElse(null);
            pages++;
        } while (after != null);

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void aFullLastPageHasNoCursor() {
        core.aClient(msp, "A", "a");
        core.aClient(msp, "B", "b");

        ClientPage page = list(null, null, null, 2);

        assertThat(slugs(page)).containsExactly("a", "b");
        assertThat(page.nextAfter()).isEmpty();
    }

    @Test
    void refusesBadFiltersNamingEachField() {
        InvalidCommand refused = catchThrowableOfType(InvalidCommand.class,
                () -> list("running", "x".repeat(101), "Not_A_Slug", 0));

        assertThat(refused.violations()).extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("status", "search", "after", "limit");
        assertThat(refused.violations()).filteredOn(v -> v.field().equals("after"))
                .extracting(FieldViolation::code).containsExactly("after.invalid-character");
    }

    @Test
    void refusesALimitAboveFiveHundred() {
        assertThatThrownBy(() -> list(null, null, null, 501))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("limit"));
    }

    @Test
    void refusesAnUnknownMsp() {
        assertThatThrownBy(() -> core.listClients.list(ListClientsQuery.firstPage(Fixtures.uniqueMspId())))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void listsDestroyedClientsWithTheirStatus() {
        core.aClient(msp, "Acme Corp", "acme");
        core.deleteClient.delete(new DeleteClientCommand(msp.id(), "acme", "Acme Corp", Optional.empty()));

        assertThat(list("destroyed", null, null, 10).items()).extracting(d -> d.client().status())
                .containsExactly(AgentStatus.DESTROYED);
    }
}
