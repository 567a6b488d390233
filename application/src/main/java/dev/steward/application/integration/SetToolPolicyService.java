package dev.steward.application.integration;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.port.integration.SecretVault;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.Violations;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolPolicy;
import jakarta.inject.Inject;
import java.time.Clock;

public final class SetToolPolicyService implements SetToolPolicyUseCase {

    private final CommandValidator validator;
    private final IntegrationKinds kinds;
    private final IntegrationRepository integrations;
    private final SecretVault vault;
    private final ClientRepository clients;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    @Inject
    public SetToolPolicyService(CommandValidator validator, IntegrationKinds kinds, IntegrationRepository integrations,
                                SecretVault vault, ClientRepository clients, Clock clock, UnitOfWork unitOfWork) {
        this.validator = validator;
        this.kinds = kinds;
        this.integrations = integrations;
        this.vault = vault;
        this.clients = clients;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public IntegrationDetails set(SetToolPolicyCommand command) {
        Violations violations = validator.check(command);
        ToolPolicy policy = command.policy() == null || command.policy().isBlank() ? null
                : violations.attempt(() -> ToolPolicy.parse("policy", command.policy()));
        violations.throwIfAny();
        return unitOfWork.inTransaction(() -> {
            Integration integration = IntegrationLookup.requireAt(integrations, command.msp(), command.integration(),
                    command.expectedVersion());
            ToolName tool = IntegrationLookup.toolOf(integration, command.tool());
            if (integration.policyOf(tool) == policy) {
                return IntegrationLookup.details(integration, kinds, clients, vault);
            }
            return IntegrationLookup.store(integration.withPolicy(tool, policy), "policy of " + tool + " "
                    + policy.label(), clock.instant(), integrations, kinds, clients, vault);
        });
    }
}
