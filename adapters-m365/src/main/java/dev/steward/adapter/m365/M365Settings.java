package dev.steward.adapter.m365;

import dev.steward.application.spi.ProviderContext;
import dev.steward.domain.problem.InvalidValue;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The connection values of the {@code m365} integration: the MSP's partner tenant, the app registered there and its
 * credential, and where Microsoft's sign-in authority and Graph live (the public cloud unless a national cloud is
 * named). Built only from values that pass every rule, each broken one named by its field.
 */
record M365Settings(String partnerTenant, String clientId, ClientCredential credential, URI authority, URI graph) {

    static final String TENANT = "tenant";
    static final String CLIENT_ID = "clientId";
    static final String CLIENT_SECRET = "clientSecret";
    static final String CERTIFICATE = "certificate";
    static final String AUTHORITY_URL = "authorityUrl";
    static final String GRAPH_URL = "graphUrl";

    static final URI PUBLIC_AUTHORITY = URI.create("https://login.microsoftonline.com/");
    static final URI PUBLIC_GRAPH = URI.create("https://graph.microsoft.com/");
    /** The rule when no provider context is at hand (tests, checks before connecting): https only. */
    private static final ProviderContext HTTPS_ONLY = ProviderContext.defaults(java.time.Clock.systemUTC());

    static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{4,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}");

    M365Settings {
        Objects.requireNonNull(partnerTenant, "partnerTenant");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(graph, "graph");
    }

    /**
     * Reads the values as the integration stores them (settings and secrets in one map).
     *
     * @throws InvalidValue for the first broken rule; {@link #problems} lists them all
     */
    static M365Settings from(Map<String, String> values) {
        return from(values, HTTPS_ONLY);
    }

    /** As {@link #from(Map)}, with the installation's rule for base URLs ({@code ProviderContext.baseUrl}). */
    static M365Settings from(Map<String, String> values, ProviderContext context) {
        List<InvalidValue> problems = problems(values, context);
        if (!problems.isEmpty()) {
            throw problems.getFirst();
        }
        String secret = values.get(CLIENT_SECRET);
        String pem = values.get(CERTIFICATE);
        ClientCredential credential = present(pem) ? ClientCredential.CertificateKey.fromPem(pem)
                : new ClientCredential.SharedSecret(secret);
        return new M365Settings(values.get(TENANT).strip(), values.get(CLIENT_ID).strip(), credential,
                base(values.get(AUTHORITY_URL), PUBLIC_AUTHORITY), base(values.get(GRAPH_URL), PUBLIC_GRAPH));
    }

    /** Every broken rule, each naming its field ({@code settings.<key>} or {@code secrets.<key>}); https only. */
    static List<InvalidValue> problems(Map<String, String> values) {
        return problems(values, HTTPS_ONLY);
    }

    static List<InvalidValue> problems(Map<String, String> values, ProviderContext context) {
        List<InvalidValue> problems = new ArrayList<>();
        String tenant = values.get(TENANT);
        if (!present(tenant)) {
            problems.add(InvalidValue.of("settings." + TENANT, "required", "is required"));
        } else if (!isTenant(tenant.strip())) {
            problems.add(InvalidValue.of("settings." + TENANT, "malformed",
                    "must be the partner tenant's id (a GUID) or its domain, e.g. contoso.onmicrosoft.com"));
        }
        String clientId = values.get(CLIENT_ID);
        if (!present(clientId)) {
            problems.add(InvalidValue.of("settings." + CLIENT_ID, "required", "is required"));
        } else if (!GUID.matcher(clientId.strip()).matches()) {
            problems.add(InvalidValue.of("settings." + CLIENT_ID, "malformed",
                    "must be the app's application (client) id, a GUID"));
        }
        if (!present(values.get(CLIENT_SECRET)) && !present(values.get(CERTIFICATE))) {
            problems.add(InvalidValue.of("secrets." + CLIENT_SECRET, "required",
                    "is required (or give secrets.certificate instead)"));
        }
        if (present(values.get(CERTIFICATE))) {
            try {
                ClientCredential.CertificateKey.fromPem(values.get(CERTIFICATE));
            } catch (InvalidValue e) {
                problems.add(e);
            }
        }
        checkUrl(problems, AUTHORITY_URL, values.get(AUTHORITY_URL), context);
        checkUrl(problems, GRAPH_URL, values.get(GRAPH_URL), context);
        return List.copyOf(problems);
    }

    /** The token endpoint of one tenant (the partner's or a customer's). */
    URI tokenEndpoint(String tenant) {
        return authority.resolve(tenant + "/oauth2/v2.0/token");
    }

    /** Same scheme, host and port as Graph: the only place a bearer token may be sent. */
    boolean isGraph(URI uri) {
        return graph.getScheme().equalsIgnoreCase(uri.getScheme())
                && graph.getHost().equalsIgnoreCase(uri.getHost()) && graph.getPort() == uri.getPort();
    }

    /** The scope of an app-only Graph token: every application permission consented in that tenant. */
    String scope() {
        return graph.toString() + ".default";
    }

    static boolean isTenant(String value) {
        return GUID.matcher(value).matches() || DOMAIN.matcher(value).matches();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** The installation's rule for credentialed URLs first (https; http to loopback or when allowed), then shape. */
    private static void checkUrl(List<InvalidValue> problems, String key, String value, ProviderContext context) {
        if (!present(value)) {
            return;
        }
        String field = "settings." + key;
        try {
            context.baseUrl(field, value);
        } catch (InvalidValue e) {
            problems.add(e);
            return;
        }
        URI uri = URI.create(value.strip());
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")
                || uri.getRawQuery() != null) {
            problems.add(InvalidValue.of(field, "malformed", "must be the service's root URL, without a path"));
        }
    }

    private static URI base(String value, URI fallback) {
        if (!present(value)) {
            return fallback;
        }
        URI uri = URI.create(value.strip());
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + "/");
    }

    @Override
    public String toString() {
        return "M365Settings[tenant=" + partnerTenant + ", clientId=" + clientId + ", " + credential + "]";
    }
}
