package dev.steward.application.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.client.ClientQuery;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.NotFound;
import dev.steward.application.spi.Directory;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.PsaMapping;
import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.Msp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImportPsaCompaniesServiceTest {

    private static final int COMPANIES = 1_000;
    private final IntegrationWorld world = new IntegrationWorld();
    private final Msp msp = world.core.anMsp();
    private final ImportPsaCompaniesService importer = new ImportPsaCompaniesService(world.core.validator,
            world.integrations, world.live, world.core.clients, world.core.msps, world.core.ids, world.core.clock,
            world.core.unitOfWork);
    private final FindImportedCompaniesService find = new FindImportedCompaniesService(world.integrations,
            world.core.clients, world.core.msps, world.core.unitOfWork);
    private final BrowseDirectoryService browse = new BrowseDirectoryService(world.core.validator, world.integrations,
            world.live);
    private String psa;

    @BeforeEach
    void aConnectedPsaWithAThousandCompanies() {
        List<Directory.Entry> companies = new ArrayList<>();
        IntStream.rangeClosed(1, COMPANIES).forEach(i -> companies.add(new Directory.Entry(Integer.toString(250 + i),
                String.format("Company %04d Ltd.", i), "")));
        world.psaProvider.withDirectory(Directory.of(companies));
        psa = world.connect.connect(IntegrationWorld.psa(msp.id(), "https://cw.example")).integration().id()
                .toString();
    }

    @AfterEach
    void close() {
        world.close();
    }

    private List<ImportedCompany> importRows(ImportPsaCompaniesCommand.Row... rows) {
        return importer.importCompanies(new ImportPsaCompaniesCommand(msp.id(), psa, List.of(rows)));
    }

    private static ImportPsaCompaniesCommand.Row row(String companyId, String slug) {
        return new ImportPsaCompaniesCommand.Row(companyId, slug);
    }

    private List<Client> clients() {
        return world.core.clients.list(new ClientQuery(msp.id(), Optional.empty(), Optional.empty(), Optional.empty(),
                ClientQuery.MAX_LIMIT));
    }

    @Test
    void importsEachChosenCompanyAsAClientNamedAsItAndMappedToItWithTheSuggestedOrGivenSlug() {
        List<ImportedCompany> imported = importRows(row("251", ""), row("252", "fabrikam"));

        assertThat(imported).extracting(ImportedCompany::outcome).containsOnly(ImportedCompany.Outcome.CREATED);
        Client first = imported.get(0).client().orElseThrow();
        assertThat(first.name().value()).isEqualTo("Company 0001 Ltd.");
        assertThat(first.slug().value()).isEqualTo("company-0001-ltd");
        assertThat(first.psaMapping()).contains(new PsaMapping("connectwise", "251"));
        assertThat(imported.get(1).client().orElseThrow().slug().value()).isEqualTo("fabrikam");
        assertThat(world.core.clients.findByPsaMapping(msp.id(), new PsaMapping("connectwise", "252")))
                .map(c -> c.slug().value()).contains("fabrikam");
    }

    @Test
    void tellsWhichCompaniesAreClientsAlreadyWithTheirSlugs() {
        importRows(row("251", ""), row("253", "northwind"));

        assertThat(find.imported(msp.id(), psa, List.of("251", "252", "253", "")))
                .containsExactly(Map.entry("251", Slug.of("company-0001-ltd")), Map.entry("253", Slug.of("northwind")));
        assertThatThrownBy(() -> find.imported(world.core.anMsp().id(), psa, List.of("251")))
                .as("another MSP's integration").isInstanceOf(NotFound.class);
    }

    @Test
    void aThousandCompaniesBrowsedPageByPageBecomeAThousandClientsOnceAndASecondImportCreatesNone() {
        List<String> ids = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            DirectoryPage page = browse.browse(new BrowseDirectoryQuery(msp.id(), psa, "", cursor, Directory.MAX_PAGE));
            page.entries().forEach(e -> ids.add(e.id()));
            cursor = page.next();
        } while (cursor.isPresent());
        assertThat(ids).hasSize(COMPANIES);

        for (int pass = 1; pass <= 2; pass++) {
            List<ImportedCompany> results = new ArrayList<>();
            for (int from = 0; from < ids.size(); from += ImportPsaCompaniesCommand.MAX_ROWS) {
                results.addAll(importer.importCompanies(new ImportPsaCompaniesCommand(msp.id(), psa,
                        ids.subList(from, Math.min(from + ImportPsaCompaniesCommand.MAX_ROWS, ids.size())).stream()
                                .map(id -> row(id, null)).toList())));
            }
            ImportedCompany.Outcome expected = pass == 1 ? ImportedCompany.Outcome.CREATED
                    : ImportedCompany.Outcome.ALREADY_A_CLIENT;
            assertThat(results).as("pass " + pass).hasSize(COMPANIES)
                    .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(expected));
            int total = 0;
            Optional<dev.steward.domain.client.Slug> after = Optional.empty();
            while (true) {
                List<Client> page = world.core.clients.list(new ClientQuery(msp.id(), Optional.empty(),
                        Optional.empty(), after, ClientQuery.MAX_LIMIT));
                total += page.size();
                if (page.size() < ClientQuery.MAX_LIMIT) {
                    break;
                }
                after = Optional.of(page.getLast().slug());
            }
            assertThat(total).as("clients after pass " + pass).isEqualTo(COMPANIES);
        }
    }

    @Test
    void aTakenSlugIsRefusedOnItsOwnRowAndTheOtherRowsAreStillImported() {
        world.core.anActiveClient(msp, "Already here", "taken");

        List<ImportedCompany> imported = importRows(row("251", "taken"), row("252", ""), row("253", "Not A Slug"));

        assertThat(imported).extracting(ImportedCompany::outcome).containsExactly(ImportedCompany.Outcome.REFUSED,
                ImportedCompany.Outcome.CREATED, ImportedCompany.Outcome.REFUSED);
        assertThat(imported.get(0).problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("rows[0].slug");
            assertThat(p.code()).isEqualTo("rows[0].slug.taken");
        });
        assertThat(imported.get(2).problems()).singleElement().satisfies(p ->
                assertThat(p.field()).isEqualTo("rows[2].slug"));
        assertThat(world.core.clients.findByPsaMapping(msp.id(), new PsaMapping("connectwise", "251")))
                .as("nothing half-created").isEmpty();
        assertThat(clients()).extracting(c -> c.slug().value()).containsExactlyInAnyOrder("taken",
                "company-0002-ltd");
    }

    @Test
    void aCompanyThePsaDoesNotListOrThatIsAlreadyAClientCreatesNothing() {
        List<ImportedCompany> first = importRows(row("251", "contoso"));
        List<ImportedCompany> again = importRows(row("999999", ""), row("251", "another-slug"), row(" ", ""));

        assertThat(again.get(0).outcome()).isEqualTo(ImportedCompany.Outcome.REFUSED);
        assertThat(again.get(0).problems().getFirst().field()).isEqualTo("rows[0].companyId");
        assertThat(again.get(1).outcome()).isEqualTo(ImportedCompany.Outcome.ALREADY_A_CLIENT);
        assertThat(again.get(1).client().orElseThrow().id()).isEqualTo(first.getFirst().client().orElseThrow().id());
        assertThat(again.get(2).problems().getFirst().field()).isEqualTo("rows[2].companyId");
        assertThat(clients()).hasSize(1);
    }

    @Test
    void anIntegrationThatIsNotAPsaOrACommandWithoutRowsIsRefused() {
        world.core.anActiveClient(msp, "Acme", "acme");
        String docs = world.connect.connect(new ConnectIntegrationCommand(msp.id(), Optional.of("acme"), "hudu",
                Map.of("baseUrl", "https://docs.example"), Map.of("apiKey", "k"))).integration().id().toString();

        assertThatThrownBy(() -> importer.importCompanies(new ImportPsaCompaniesCommand(msp.id(), docs,
                List.of(row("1", ""))))).isInstanceOfSatisfying(Conflict.class,
                        c -> assertThat(c.code()).isEqualTo("integration.not-a-psa"));
        assertThatThrownBy(() -> importer.importCompanies(new ImportPsaCompaniesCommand(msp.id(), psa, List.of())))
                .isInstanceOf(InvalidCommand.class).hasMessageContaining("rows");
    }
}
