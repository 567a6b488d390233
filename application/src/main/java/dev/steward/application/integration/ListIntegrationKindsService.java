package dev.steward.application.integration;

import dev.steward.application.provider.IntegrationKinds;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.IntegrationScope;
import jakarta.inject.Inject;
import java.util.List;

public final class ListIntegrationKindsService implements ListIntegrationKindsUseCase {

    private final IntegrationKinds kinds;

    @Inject
    public ListIntegrationKindsService(IntegrationKinds kinds) {
        this.kinds = kinds;
    }

    @Override
    public List<IntegrationKind> kinds(IntegrationScope scope) {
        return kinds.in(scope);
    }
}
