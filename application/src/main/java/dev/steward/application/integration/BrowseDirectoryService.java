package dev.steward.application.integration;

import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.provider.LiveIntegrations;
import dev.steward.application.spi.Directory;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.problem.InvalidValue;
import jakarta.inject.Inject;
import java.util.List;

public final class BrowseDirectoryService implements BrowseDirectoryUseCase {

    private final CommandValidator validator;
    private final IntegrationRepository integrations;
    private final LiveIntegrations live;

    @Inject
    public BrowseDirectoryService(CommandValidator validator, IntegrationRepository integrations,
                                  LiveIntegrations live) {
        this.validator = validator;
        this.integrations = integrations;
        this.live = live;
    }

    @Override
    public DirectoryPage browse(BrowseDirectoryQuery query) {
        validator.check(query).throwIfAny();
        Integration integration = IntegrationLookup.require(integrations, query.msp(), query.integration());
        Directory directory = ClientMappingLookup.directoryOf(live, integration);
        try {
            Directory.Page page = directory.list(query.search().strip(), query.cursor(), query.limit());
            return new DirectoryPage(integration, page.entries(), page.next());
        } catch (InvalidValue e) {
            throw new InvalidCommand(List.of(new FieldViolation(e.field(), e.code(), e.rule())));
        }
    }
}
