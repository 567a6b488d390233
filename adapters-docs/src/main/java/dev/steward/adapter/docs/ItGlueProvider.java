package dev.steward.adapter.docs;

import dev.steward.domain.integration.SettingSpec;
import dev.steward.domain.problem.InvalidValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code itglue} integration kind: the MSP's IT Glue account in its region (US, EU or AU host); each client is
 * one of its organizations.
 */
public final class ItGlueProvider extends DocsProvider {

    static final String KIND = "itglue";
    static final Map<String, String> REGIONS = Map.of("us", "https://api.itglue.com/",
            "eu", "https://api.eu.itglue.com/", "au", "https://api.au.itglue.com/");

    public ItGlueProvider() {
        super(KIND, "IT Glue", List.of(
                SettingSpec.optional("region", "Data centre: us (default), eu or au"),
                SettingSpec.secret(API_KEY, "API key (ITG.…; Password Access only if get-password is enabled)"),
                SettingSpec.optional("apiUrl", "Another API address instead of the region's")),
                "list-configurations", "configurations");
    }

    @Override
    DocsPlatform platform(Map<String, String> values, HttpClient http, HttpPolicy policy) {
        return new ItGlue(new DocsHttp(KIND, "IT Glue", base(values), apiKey(values), "application/vnd.api+json", http,
                policy, Sleeper.REAL));
    }

    /** The region's host, unless {@code apiUrl} names another. */
    static URI base(Map<String, String> values) {
        String apiUrl = values.getOrDefault("apiUrl", "").strip();
        if (!apiUrl.isEmpty()) {
            return address("settings.apiUrl", apiUrl);
        }
        String region = values.getOrDefault("region", "").strip().toLowerCase(Locale.ROOT);
        String host = REGIONS.get(region.isEmpty() ? "us" : region);
        if (host == null) {
            throw InvalidValue.of("settings.region", "unknown", "must be us, eu or au");
        }
        return URI.create(host);
    }

    @Override
    String addressField() {
        return "settings.apiUrl";
    }
}
