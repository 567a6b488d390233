package dev.steward.application.inmemory;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.port.integration.SecretVault;
import dev.steward.application.port.integration.SettingsView;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Integration values in memory, for tests and embedding. Nothing is written anywhere, so there is nothing to
 * encrypt; the rules of {@link SecretVault} (tenant scoping, masking, undo on a failed unit of work) hold as in the
 * database.
 */
public final class InMemorySecretVault implements SecretVault {

    private record Entry(MspId msp, IntegrationSettings values) {}

    private final InMemoryUnitOfWork unitOfWork;
    private final Map<IntegrationId, Entry> entries = new HashMap<>();

    @Inject
    public InMemorySecretVault(InMemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public synchronized void store(MspId msp, IntegrationId integration, IntegrationSettings values) {
        Entry before = entries.get(integration);
        if (before != null && !before.msp().equals(msp)) {
            throw new IllegalArgumentException("integration " + integration + " belongs to another MSP");
        }
        entries.put(integration, new Entry(msp, values));
        unitOfWork.onRollback(() -> restore(integration, before));
    }

    @Override
    public synchronized Optional<IntegrationSettings> reveal(MspId msp, IntegrationId integration) {
        return Optional.ofNullable(entries.get(integration)).filter(e -> e.msp().equals(msp)).map(Entry::values);
    }

    @Override
    public synchronized Optional<SettingsView> describe(MspId msp, IntegrationId integration) {
        return reveal(msp, integration).map(IntegrationSettings::view);
    }

    @Override
    public synchronized void remove(MspId msp, IntegrationId integration) {
        Entry before = entries.get(integration);
        if (before != null && before.msp().equals(msp)) {
            entries.remove(integration);
            unitOfWork.onRollback(() -> restore(integration, before));
        }
    }

    private synchronized void restore(IntegrationId integration, Entry before) {
        if (before == null) {
            entries.remove(integration);
        } else {
            entries.put(integration, before);
        }
    }
}
