package dev.steward.adapter.web;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.spi.AuthorizationFlow;
import dev.steward.application.spi.ProviderContext;
import dev.steward.domain.problem.InvalidValue;
import java.util.HashMap;
import java.util.Map;

/**
 * The web tests' authorization server (the real flow is tested in adapters-mcp against a faithful stub): it sends the
 * person to {@code https://as.example/authorize}, and the code for state {@code s} is {@code code-for-s}.
 */
public final class InMemoryAuthorizationServer implements AuthorizationFlow {

    /** The code the authorization server sends back for {@code state}. */
    public static String codeFor(String state) {
        return "code-for-" + state;
    }

    @Override
    public Started begin(IntegrationSettings values, String redirectUri, String state, ProviderContext context) {
        Map<String, String> secrets = new HashMap<>(values.secrets());
        secrets.put("oauthCodeVerifier", state);
        return new Started("https://as.example/authorize?client_id=steward&state=" + state + "&redirect_uri="
                + redirectUri, new IntegrationSettings(values.settings(), secrets));
    }

    @Override
    public IntegrationSettings complete(IntegrationSettings pending, String code, String redirectUri,
                                        ProviderContext context) {
        if (!code.equals(codeFor(pending.secrets().get("oauthCodeVerifier")))) {
            throw InvalidValue.of("code", "refused", "the authorization server refused the code: invalid_grant");
        }
        return new IntegrationSettings(pending.settings(), Map.of("oauthAccessToken", "at-" + code));
    }
}
