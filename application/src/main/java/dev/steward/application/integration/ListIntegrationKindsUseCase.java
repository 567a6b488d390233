package dev.steward.application.integration;

import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.IntegrationScope;
import java.util.List;

/** Capability: what can be connected in a scope, with the settings, secrets and tools of each kind. */
public interface ListIntegrationKindsUseCase {

    List<IntegrationKind> kinds(IntegrationScope scope);
}
