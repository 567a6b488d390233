package dev.steward.adapter.psa.connectwise;

import dev.steward.adapter.psa.common.HttpSettings;
import dev.steward.adapter.psa.common.PsaProvider;
import dev.steward.adapter.psa.common.PsaSystem;
import dev.steward.adapter.psa.common.Settings;
import dev.steward.adapter.psa.common.WebhookSetup;
import dev.steward.application.port.psa.TicketSystem;
import dev.steward.application.spi.InboundWebhook;
import dev.steward.application.spi.ProviderContext;
import dev.steward.application.spi.WebhookReader;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.SettingSpec;
import dev.steward.domain.problem.InvalidValue;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ConnectWise Manage ({@code connectwise}) from settings: site (the API host and codebase are discovered from it) or
 * apiBase, companyId, publicKey, privateKey, clientId; pageSize, boardId. Its callbacks are verified with the signing
 * key ConnectWise serves (no setting needed). When the installation has a public URL, connecting registers a
 * self-suppressed callback for every service ticket (stored as {@code callbackId}), and disconnecting removes it; a
 * callback ConnectWise refuses refuses the connect, naming why.
 */
public final class ConnectWiseProvider extends PsaProvider {

    /** The stored id of the callback Steward registered. */
    static final String CALLBACK_ID = "callbackId";

    public ConnectWiseProvider() {
        super(ConnectWiseTicketSystem.KIND, "ConnectWise Manage", List.of(
                SettingSpec.optional("site", "Site you sign in to, e.g. na.myconnectwise.net (the API host and codebase "
                        + "are discovered from it)"),
                SettingSpec.optional("apiBase", "API base URL, instead of the site (https://{host}/{codebase}/apis/3.0/)"),
                SettingSpec.required("companyId", "Login company id"),
                SettingSpec.required("publicKey", "API member public key"),
                SettingSpec.secret("privateKey", "API member private key"),
                SettingSpec.secret("clientId", "Integration client id (GUID)"),
                SettingSpec.optional("pageSize", "Page size, 1-1000 (default 100)"),
                SettingSpec.optional("boardId", "Service board to poll (default all)")));
    }

    @Override
    protected PsaSystem ticketSystem(Settings s, HttpSettings http, ProviderContext context) {
        Optional<Integer> board = s.optional("boardId").map(b -> s.number("boardId", 0));
        Optional<URI> site = s.optional("site").map(given -> site(s, given));
        Optional<URI> apiBase = s.optional("apiBase").map(given -> s.uri("apiBase"));
        if (site.isEmpty() && apiBase.isEmpty()) {
            throw InvalidValue.of("settings.site", "required", "is required (the site you sign in to, e.g. "
                    + "na.myconnectwise.net), unless the API base URL is given");
        }
        return new ConnectWiseTicketSystem(new ConnectWiseSettings(site, apiBase, s.required("companyId"),
                s.required("publicKey"), s.secret("privateKey"), s.secret("clientId"), s.number("pageSize", 100),
                board, http));
    }

    /** {@code na.myconnectwise.net} means {@code https://na.myconnectwise.net/}; a URL is taken as given. */
    private static URI site(Settings s, String given) {
        String url = given.contains("://") ? given : "https://" + given;
        String checked = s.context().baseUrl("settings.site", url);
        URI uri;
        try {
            uri = URI.create(checked);
        } catch (IllegalArgumentException e) {
            throw InvalidValue.of("settings.site", "malformed", "must be a host name such as na.myconnectwise.net");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            throw InvalidValue.of("settings.site", "malformed", "must be a host name such as na.myconnectwise.net, "
                    + "without a path");
        }
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + "/");
    }

    @Override
    protected WebhookSetup registerWebhook(Integration integration, Settings s, PsaSystem system,
                                           ProviderContext context) {
        Optional<String> url = context.psaWebhookUrl(integration.msp(), ConnectWiseTicketSystem.KIND);
        if (url.isEmpty()) {
            return webhookOf(integration, s, system, context);
        }
        ConnectWiseTicketSystem connectWise = (ConnectWiseTicketSystem) system;
        String id;
        try {
            id = connectWise.registerCallback(url.get(), "Steward: service tickets of MSP " + integration.msp());
        } catch (RuntimeException e) {
            throw PsaProvider.notRegistered("ConnectWise", e);
        }
        return new WebhookSetup(InboundWebhook.registered(url.get(), NOTE),
                Map.of(CALLBACK_ID, id, WebhookSetup.URL, url.get()), Map.of(), () -> connectWise.removeCallback(id));
    }

    @Override
    protected WebhookSetup webhookOf(Integration integration, Settings s, PsaSystem system, ProviderContext context) {
        Optional<String> url = context.psaWebhookUrl(integration.msp(), ConnectWiseTicketSystem.KIND);
        Optional<String> id = s.optional(CALLBACK_ID);
        if (id.isPresent()) {
            ConnectWiseTicketSystem connectWise = (ConnectWiseTicketSystem) system;
            return WebhookSetup.registeredEarlier("ConnectWise", "callback", id.get(), s.optional(WebhookSetup.URL),
                    url, NOTE, () -> connectWise.removeCallback(id.get()));
        }
        return WebhookSetup.polled("ConnectWise", "a callback registered", url);
    }

    private static final String NOTE = "Steward registered a callback for every service ticket in ConnectWise, "
            + "self-suppressed: changes by Steward's own API member fire none. It is removed on disconnect.";

    @Override
    protected WebhookReader webhookReader(Settings s, TicketSystem system) {
        return new ConnectWiseWebhookReader((ConnectWiseTicketSystem) system);
    }
}
