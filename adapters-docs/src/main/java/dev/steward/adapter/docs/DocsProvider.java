package dev.steward.adapter.docs;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.application.spi.ProviderContext;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.IntegrationScope;
import dev.steward.domain.integration.SettingSpec;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.integration.ToolParameter.Type;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.problem.InvalidValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What Hudu and IT Glue share as integration kinds: connected MSP-wide with an API key, checked live before anything
 * is kept, each client then mapped to one company of the platform's own directory. The read tools run automatically;
 * {@code get-password} is offered but disabled until the MSP enables it, sensitive (identity verification) and
 * waiting for approval, its value revealed once to the approving technician only.
 */
abstract class DocsProvider implements IntegrationProvider {

    static final String API_KEY = "apiKey";
    private static final String ID_PATTERN = "[1-9][0-9]{0,18}";

    private final IntegrationKind kind;

    DocsProvider(String name, String label, List<SettingSpec> settings, String assetsTool, String assetsNoun) {
        List<Tool> tools = tools(name, assetsTool, assetsNoun);
        this.kind = new IntegrationKind(name, label, Set.of(IntegrationScope.MSP), settings, tools,
                Map.of(ToolName.of(name + ":get-password"), ToolPolicy.DISABLED)).scopedTo("documentation company");
    }

    private static List<Tool> tools(String kind, String assetsTool, String assetsNoun) {
        ToolParameter query = ToolParameter.optional("query", Type.STRING, "words to look for (all when left out)")
                .atMost(200);
        ToolParameter page = ToolParameter.optional("page", Type.INTEGER, "page number, from 1 (25 per page)");
        ToolParameter id = ToolParameter.required("id", Type.STRING, "the record's number, as a list shows it")
                .matching(ID_PATTERN);
        List<Tool> tools = new ArrayList<>();
        tools.add(Tool.readOnly(kind + ":search-articles", "Search the client's documentation articles (runbooks, "
                + "how-tos) by words; lists number, title and an excerpt.").taking(query, page));
        tools.add(Tool.readOnly(kind + ":get-article", "Read one of the client's documentation articles as plain text.")
                .taking(id));
        tools.add(Tool.readOnly(kind + ":" + assetsTool, "List the client's documented " + assetsNoun
                + " (devices, servers, network gear) with their key fields.").taking(query, page));
        tools.add(Tool.readOnly(kind + ":get-asset", "Read every documented field of one of the client's "
                + assetsNoun + ".").taking(id));
        tools.add(Tool.readOnly(kind + ":list-contacts", "List the client's documented contacts (people, roles, "
                + "e-mail, phone).").taking(query, page));
        tools.add(Tool.write(kind + ":get-password", "Reveal one stored password of the client to the approving "
                + "technician only (never to the agent, the ticket or the log); by its number or its exact name.")
                .taking(ToolParameter.optional("id", Type.STRING, "the password entry's number").matching(ID_PATTERN),
                        ToolParameter.optional("name", Type.STRING, "the password entry's name (when no id is given)")
                                .atMost(200))
                .asSensitive());
        return tools;
    }

    @Override
    public IntegrationKind kind() {
        return kind;
    }

    /** The platform these values reach; nothing is called yet. */
    abstract DocsPlatform platform(Map<String, String> values, HttpClient http, HttpPolicy policy);

    /** Reads one page of companies, so a wrong address or key is refused naming its field before anything is kept. */
    @Override
    public IntegrationConnection connect(Integration integration, IntegrationSettings values, ProviderContext context) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(context.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpPolicy policy = new HttpPolicy(context.requestTimeout(), context.maxAttempts(), context.maxRetryWait(),
                Duration.ofSeconds(1));
        DocsPlatform platform;
        try {
            // the installation's one rule for credentialed base URLs (https; http to loopback or when allowed)
            String given = values.all().getOrDefault(addressField().substring("settings.".length()), "");
            if (!given.isBlank()) {
                context.baseUrl(addressField(), given);
            }
            platform = platform(values.all(), http, policy);
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
        try {
            platform.check();
            return new DocsConnection(kind.name(), kind.tools(), platform);
        } catch (DocsHttp.KeyRefused e) {
            platform.close();
            throw InvalidValue.of("secrets." + API_KEY, "refused", "was refused by " + platform.platform()
                    + " (HTTP 401): check the key and that it is not expired");
        } catch (dev.steward.application.problem.NotFound e) {
            platform.close();
            throw InvalidValue.of(addressField(), "unknown", "does not answer as " + platform.platform()
                    + "'s API (HTTP 404)");
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    /** The setting whose value is the platform's address. */
    abstract String addressField();

    /** The key from {@code values}; the kind's own check has made sure a required one is there. */
    static String apiKey(Map<String, String> values) {
        String key = values.getOrDefault(API_KEY, "").strip();
        if (key.isEmpty()) {
            throw InvalidValue.of("secrets." + API_KEY, "required", "is required");
        }
        return key;
    }

    /**
     * An absolute http(s) URL ending in {@code /}, without query, fragment or user info. Whether plain http may be
     * used is the installation's rule, {@code ProviderContext.baseUrl}, checked on connect before this.
     */
    static URI address(String field, String text) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new URISyntaxException(text, "not usable");
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return uri.resolve(path.endsWith("/") ? path : path + "/");
        } catch (URISyntaxException e) {
            throw InvalidValue.of(field, "malformed", "must be an https URL such as https://docs.example.com");
        }
    }
}
