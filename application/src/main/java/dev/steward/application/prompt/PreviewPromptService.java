package dev.steward.application.prompt;

import dev.steward.application.client.ClientLookup;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.domain.client.Client;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.prompt.ComposedPrompt;
import dev.steward.domain.prompt.PromptTiers;
import jakarta.inject.Inject;

public final class PreviewPromptService implements PreviewPromptUseCase {

    private final ClientRepository clients;
    private final MspRepository msps;

    @Inject
    public PreviewPromptService(ClientRepository clients, MspRepository msps) {
        this.clients = clients;
        this.msps = msps;
    }

    @Override
    public ComposedPrompt preview(MspId mspId, String slug) {
        Msp msp = ClientLookup.requireMsp(msps, mspId);
        Client client = ClientLookup.require(clients, mspId, slug);
        return PromptTiers.of(msp.prompt(), client.prompt()).compose();
    }
}
