package dev.steward.application.integration;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.port.integration.SecretVault;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.ToolName;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

public final class MarkToolSensitiveService implements MarkToolSensitiveUseCase {

    private final CommandValidator validator;
    private final IntegrationKinds kinds;
    private final IntegrationRepository integrations;
    private final SecretVault vault;
    private final ClientRepository clients;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    @Inject
    public MarkToolSensitiveService(CommandValidator validator, IntegrationKinds kinds,
                                    IntegrationRepository integrations, SecretVault vault, ClientRepository clients,
                                    Clock clock, UnitOfWork unitOfWork) {
        this.validator = validator;
        this.kinds = kinds;
        this.integrations = integrations;
        this.vault = vault;
        this.clients = clients;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public IntegrationDetails mark(MarkToolSensitiveCommand command) {
        validator.check(command).throwIfAny();
        return unitOfWork.inTransaction(() -> {
            Integration integration = IntegrationLookup.requireAt(integrations, command.msp(), command.integration(),
                    command.expectedVersion());
            ToolName tool = IntegrationLookup.toolOf(integration, command.tool());
            if (!command.sensitive() && integration.tool(tool).orElseThrow().sensitive()) {
                throw new InvalidCommand(List.of(new FieldViolation("sensitive", "sensitive.by-catalog",
                        "cannot be false: " + tool + " is sensitive in every " + integration.kind() + " integration")));
            }
            if (integration.markedSensitive().contains(tool) == command.sensitive()) {
                return IntegrationLookup.details(integration, kinds, clients, vault);
            }
            return IntegrationLookup.store(integration.withSensitivityMark(tool, command.sensitive()),
                    tool + (command.sensitive() ? " marked" : " unmarked") + " sensitive", clock.instant(),
                    integrations, kinds, clients, vault);
        });
    }
}
