package dev.steward.adapter.psa;

import dev.steward.adapter.psa.common.TicketSystemFactory;
import dev.steward.application.port.IntegrationCatalog;
import dev.steward.application.port.IntegrationSettings;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.IntegrationScope;
import dev.steward.domain.integration.SettingSpec;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.problem.InvalidValue;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The PSAs as integration kinds ({@code connectwise}, {@code halopsa}, {@code autotask}), MSP-wide only: one PSA
 * serves all of an MSP's clients. Activating one connects it in {@link ConnectedPsas}, which is what makes its
 * webhooks, polling and notes work.
 */
public final class PsaIntegrationCatalog implements IntegrationCatalog {

    private final ConnectedPsas psas;
    private final List<IntegrationKind> kinds;

    @Inject
    public PsaIntegrationCatalog(ConnectedPsas psas) {
        this.psas = psas;
        this.kinds = psas.factories().values().stream()
                .map(PsaIntegrationCatalog::kindOf)
                .sorted(Comparator.comparing(IntegrationKind::name))
                .toList();
    }

    /** A PSA's tools: reading a ticket and its notes, and changing its status (the notes themselves the loop posts). */
    private static IntegrationKind kindOf(TicketSystemFactory factory) {
        String kind = factory.kind();
        return new IntegrationKind(kind, factory.label(), Set.of(IntegrationScope.MSP), factory.settings(),
                List.of(Tool.readOnly(kind + ":get-ticket", "Reads a ticket: summary, requester, status"),
                        Tool.readOnly(kind + ":list-notes", "Reads a ticket's notes, internal ones included"),
                        Tool.write(kind + ":update-status", "Changes a ticket's status")),
                Map.of());
    }

    @Override
    public List<IntegrationKind> kinds() {
        return kinds;
    }

    @Override
    public void activate(Integration integration, IntegrationSettings values) {
        if (integration.client().isPresent()) {
            throw new IllegalArgumentException("a PSA is connected MSP-wide, not for one client");
        }
        IntegrationKind kind = kinds.stream().filter(k -> k.name().equals(integration.kind())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(integration.kind() + " is not a PSA kind"));
        try {
            psas.connect(integration.msp(), kind.name(), values.all());
        } catch (InvalidValue e) {
            throw inItsPlace(kind, e);
        } catch (IllegalArgumentException e) {
            // a settings record's own range check (e.g. a page size): its message names the setting, never a value
            throw InvalidValue.of("settings", "invalid", e.getMessage());
        }
    }

    /** The factories name every value {@code settings.<key>}; a secret is given under {@code secrets.<key>}. */
    private static InvalidValue inItsPlace(IntegrationKind kind, InvalidValue e) {
        String key = e.field().startsWith("settings.") ? e.field().substring("settings.".length()) : e.field();
        return kind.setting(key).filter(SettingSpec::secret)
                .map(spec -> InvalidValue.of(spec.field(), e.code().substring(e.field().length() + 1), e.rule()))
                .orElse(e);
    }

    @Override
    public void deactivate(Integration integration) {
        psas.disconnect(integration.msp(), integration.kind());
    }
}
