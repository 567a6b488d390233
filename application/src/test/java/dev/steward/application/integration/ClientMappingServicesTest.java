package dev.steward.application.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.NotFound;
import dev.steward.application.spi.Directory;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.ClientMapping;
import dev.steward.domain.msp.Msp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Browsing directories and mapping clients to their entries, on the in-memory core. */
class ClientMappingServicesTest {

    private static final List<Directory.Entry> COMPANIES = List.of(new Directory.Entry("c-1", "Acme Docs", "12 articles"),
            new Directory.Entry("c-2", "Globex Docs", "3 articles"), new Directory.Entry("c-3", "Initech Docs", ""));

    private final IntegrationWorld world = new IntegrationWorld();
    private final Msp msp = world.core.anMsp();
    private final BrowseDirectoryService browse = new BrowseDirectoryService(world.core.validator, world.integrations,
            world.live);
    private final ListClientMappingsService list = new ListClientMappingsService(world.core.clients,
            world.integrations, world.live, world.core.mappings, world.kinds, world.core.unitOfWork);
    private final MapClientService map = new MapClientService(world.core.validator, world.core.clients,
            world.core.msps, world.integrations, world.kinds, world.live, world.core.mappings,
            world.core.unitOfWork);
    private Client acme;
    private String docs;

    @BeforeEach
    void aClientWithADocumentationPlatformOfferingADirectory() {
        world.docsProvider.withDirectory(Directory.of(COMPANIES));
        acme = world.core.anActiveClient(msp, "Acme", "acme");
        docs = world.connect.connect(new ConnectIntegrationCommand(msp.id(), Optional.of("acme"), "hudu",
                Map.of("baseUrl", "https://docs.example"), Map.of("apiKey", "k"))).integration().id().toString();
    }

    @AfterEach
    void close() {
        world.close();
    }

    private Optional<ClientMapping> mapTo(String slug, String entry) {
        return map.map(new MapClientCommand(msp.id(), slug, "hudu", Optional.ofNullable(entry), Optional.empty()));
    }

    @Test
    void listsOnlyIntegrationsWithADirectoryEachWithTheClientsMapping() {
        world.connect.connect(IntegrationWorld.psa(msp.id(), "https://cw.example"));

        assertThat(list.list(msp.id(), "acme")).singleElement().satisfies(choice -> {
            assertThat(choice.integration().kind()).isEqualTo("hudu");
            assertThat(choice.label()).isEqualTo("Hudu");
            assertThat(choice.mapping()).isEmpty();
        });
        mapTo("acme", "c-2");
        assertThat(list.list(msp.id(), "acme").getFirst().mapping()).map(ClientMapping::label).contains("Globex Docs");
        assertThatThrownBy(() -> list.list(msp.id(), "nobody")).isInstanceOf(NotFound.class);
    }

    @Test
    void browsesPagesAndSearches() {
        DirectoryPage first = browse.browse(new BrowseDirectoryQuery(msp.id(), docs, "", Optional.empty(), 2));
        assertThat(first.entries()).containsExactlyElementsOf(COMPANIES.subList(0, 2));
        assertThat(browse.browse(new BrowseDirectoryQuery(msp.id(), docs, "", first.next(), 2)).entries())
                .containsExactly(COMPANIES.get(2));
        assertThat(browse.browse(new BrowseDirectoryQuery(msp.id(), docs, "initech", Optional.empty(), 10))
                .entries()).containsExactly(COMPANIES.get(2));
    }

    @Test
    void aBadPageRequestNamesItsField() {
        assertThatThrownBy(() -> browse.browse(new BrowseDirectoryQuery(msp.id(), docs, "", Optional.of("x"), 10)))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("cursor"));
        assertThatThrownBy(() -> browse.browse(new BrowseDirectoryQuery(msp.id(), docs, "", Optional.empty(), 201)))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("limit"));
        assertThatThrownBy(() -> browse.browse(new BrowseDirectoryQuery(world.core.anMsp().id(), docs, "",
                Optional.empty(), 10))).as("another MSP's integration").isInstanceOf(NotFound.class);
    }

    @Test
    void anIntegrationWithoutADirectoryIsAConflict() {
        String psa = world.connect.connect(IntegrationWorld.psa(msp.id(), "https://cw.example")).integration().id()
                .toString();
        assertThatThrownBy(() -> browse.browse(new BrowseDirectoryQuery(msp.id(), psa, "", Optional.empty(), 10)))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.code()).isEqualTo("integration.no-directory"));
    }

    @Test
    void mapsToAnEntryTheDirectoryHasWithItsLabelAndRemoves() {
        ClientMapping mapping = mapTo("acme", "c-1").orElseThrow();

        assertThat(mapping).isEqualTo(new ClientMapping(msp.id(), acme.id(), "hudu", "c-1", "Acme Docs"));
        assertThat(world.core.mappings.find(msp.id(), acme.id(), "hudu")).contains(mapping);
        assertThat(mapTo("acme", null)).isEmpty();
        assertThat(world.core.mappings.find(msp.id(), acme.id(), "hudu")).isEmpty();
    }

    @Test
    void refusesAnEntryOutsideTheDirectoryAKindThatServesNotTheClientAndATakenEntry() {
        assertThatThrownBy(() -> mapTo("acme", "c-404")).isInstanceOfSatisfying(InvalidCommand.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("externalId"));
        world.core.anActiveClient(msp, "Globex", "globex");
        assertThatThrownBy(() -> mapTo("globex", "c-2")).as("hudu is acme's own integration")
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("kind"));
        world.connect.connect(new ConnectIntegrationCommand(msp.id(), Optional.of("globex"), "hudu",
                Map.of("baseUrl", "https://docs.example"), Map.of("apiKey", "k")));
        mapTo("acme", "c-2");
        assertThatThrownBy(() -> mapTo("globex", "c-2")).isInstanceOfSatisfying(Conflict.class,
                e -> assertThat(e.code()).isEqualTo("mapping.taken"));
        assertThatThrownBy(() -> mapTo("nobody", "c-1")).isInstanceOf(NotFound.class);
    }

    @Test
    void aChangeBasedOnAStaleMappingIsRefused() {
        mapTo("acme", "c-1");
        assertThatThrownBy(() -> map.map(new MapClientCommand(msp.id(), "acme", "hudu", Optional.of("c-3"),
                Optional.of("")))).isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.code())
                .isEqualTo("version.stale"));
        assertThat(map.map(new MapClientCommand(msp.id(), "acme", "hudu", Optional.of("c-3"), Optional.of("c-1"))))
                .map(ClientMapping::externalId).contains("c-3");
    }
}
