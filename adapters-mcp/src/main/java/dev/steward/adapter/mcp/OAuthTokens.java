package dev.steward.adapter.mcp;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.spi.ProviderContext;
import dev.steward.domain.problem.InvalidValue;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MCP server's OAuth tokens while it is connected: the access token sent with every request, renewed with the
 * refresh token {@link #MARGIN} before it expires, and once more when the server refuses it (revoked, or expired
 * early); each renewal is reported, so that Steward stores the new tokens. Tokens are never logged.
 */
final class OAuthTokens {

    /** How long before its expiry an access token is renewed, so that no request goes out with a dying one. */
    static final Duration MARGIN = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(OAuthTokens.class);

    private final String server;
    private final ProviderContext context;
    private final OAuthHttp http;
    private final List<Consumer<IntegrationSettings>> listeners = new CopyOnWriteArrayList<>();
    private IntegrationSettings values;
    private OAuthGrant grant;
    private boolean renewed;

    /**
     * @throws InvalidValue ({@code settings.auth}) if the server was not authorized yet
     */
    OAuthTokens(String server, IntegrationSettings values, ProviderContext context) {
        if (!values.secrets().containsKey(McpAuthorization.ACCESS_TOKEN)
                || !values.settings().containsKey(OAuthGrant.SETTING)) {
            throw InvalidValue.of("settings.auth", "not-authorized", "an MCP server with OAuth is authorized in the"
                    + " browser: start it with POST /api/v1/integrations/authorizations (or Connect with OAuth on"
                    + " the dashboard)");
        }
        this.server = server;
        this.values = values;
        this.grant = OAuthGrant.parse(values.settings().get(OAuthGrant.SETTING));
        this.context = context;
        this.http = new OAuthHttp(context);
    }

    /**
     * Reports every renewal from now on to {@code listener}, and at once the one that happened before it was added
     * (a token renewed while the connection was being opened, before anyone listened), so that none is lost.
     */
    synchronized void onRenewed(Consumer<IntegrationSettings> listener) {
        listeners.add(listener);
        if (renewed) {
            listener.accept(values);
        }
    }

    /** The access token to send now, renewed first when it expires within {@link #MARGIN}. */
    synchronized String accessToken() {
        Instant now = context.clock().instant();
        if (grant.expiresAt().filter(expiry -> !now.isBefore(expiry.minus(MARGIN))).isPresent() && refreshable()) {
            renew();
        }
        return values.secrets().get(McpAuthorization.ACCESS_TOKEN);
    }

    /**
     * After the server refused {@code refused}: whether the request may be sent again, with a token renewed now (or
     * by another request meanwhile).
     */
    synchronized boolean renewAfterRefusal(String refused) {
        if (!values.secrets().get(McpAuthorization.ACCESS_TOKEN).equals(refused)) {
            return true;
        }
        if (!refreshable()) {
            return false;
        }
        renew();
        return true;
    }

    private boolean refreshable() {
        return values.secrets().containsKey(McpAuthorization.REFRESH_TOKEN);
    }

    private void renew() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", values.secrets().get(McpAuthorization.REFRESH_TOKEN));
        form.put("resource", McpAuthorization.canonical(URI.create(values.settings().get("url").strip())));
        OAuthHttp.Answer answer = McpAuthorization.tokenRequest(http, grant, values, form);
        if (!answer.ok()) {
            LOG.warn("The authorization server of MCP server {} refused to renew its access token: {}", server,
                    answer.text("error").map(OAuthHttp::printable).orElse("HTTP " + answer.status()));
            throw PortFailure.permanent("mcp", server + ": the authorization server refused to renew the access"
                    + " token (" + answer.error() + "); authorize the server again (Authorize again on its page)",
                    null);
        }
        Map<String, String> secrets = new HashMap<>(values.secrets());
        Optional<Instant> expiry;
        try {
            expiry = McpAuthorization.issued(answer, context.clock().instant(), secrets, "secrets.oauthRefreshToken");
        } catch (InvalidValue e) {
            throw PortFailure.permanent("mcp", server + ": " + e.rule(), e);
        }
        grant = grant.withExpiry(expiry);
        Map<String, String> settings = new HashMap<>(values.settings());
        settings.put(OAuthGrant.SETTING, grant.text());
        values = new IntegrationSettings(settings, secrets);
        renewed = true;
        LOG.info("Renewed the access token of MCP server {}", server);
        IntegrationSettings renewed = values;
        listeners.forEach(listener -> listener.accept(renewed));
    }
}
