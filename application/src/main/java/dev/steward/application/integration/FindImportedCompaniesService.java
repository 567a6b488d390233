package dev.steward.application.integration;

import dev.steward.application.client.ClientLookup;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.domain.client.PsaMapping;
import dev.steward.domain.client.Slug;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

public final class FindImportedCompaniesService implements FindImportedCompaniesUseCase {

    private final IntegrationRepository integrations;
    private final ClientRepository clients;
    private final MspRepository msps;
    private final UnitOfWork unitOfWork;

    @Inject
    public FindImportedCompaniesService(IntegrationRepository integrations, ClientRepository clients,
                                        MspRepository msps, UnitOfWork unitOfWork) {
        this.integrations = integrations;
        this.clients = clients;
        this.msps = msps;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Map<String, Slug> imported(MspId msp, String integration, Collection<String> companyIds) {
        if (companyIds.size() > MAX_COMPANIES) {
            throw new IllegalArgumentException("at most " + MAX_COMPANIES + " companies at once");
        }
        return unitOfWork.inTransaction(() -> {
            ClientLookup.requireMsp(msps, msp);
            Integration psa = IntegrationLookup.require(integrations, msp, integration);
            Map<String, Slug> imported = new LinkedHashMap<>();
            for (String companyId : companyIds) {
                PsaMapping mapping;
                try {
                    mapping = new PsaMapping(psa.kind(), companyId);
                } catch (InvalidValue e) {
                    continue;   // no client can be mapped to an id the mapping refuses
                }
                clients.findByPsaMapping(msp, mapping).ifPresent(c -> imported.put(companyId, c.slug()));
            }
            return imported;
        });
    }
}
