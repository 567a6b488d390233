package dev.steward.application.integration;

import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.MspId;
import java.util.Collection;
import java.util.Map;

/** Capability: tell which companies of the MSP's PSA are clients already, so the import screen can say so up front. */
public interface FindImportedCompaniesUseCase {

    /**
     * Of {@code companyIds} (at most {@value #MAX_COMPANIES}, a page of the PSA's companies), those a live client of
     * the MSP is mapped to, with that client's slug; one indexed lookup per company, never a scan of the clients.
     *
     * @throws dev.steward.application.problem.NotFound ({@code integration}) no such integration of this MSP
     * @throws IllegalArgumentException more than {@value #MAX_COMPANIES} companies
     */
    Map<String, Slug> imported(MspId msp, String integration, Collection<String> companyIds);

    int MAX_COMPANIES = 200;
}
