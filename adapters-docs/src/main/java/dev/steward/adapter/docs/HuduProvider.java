package dev.steward.adapter.docs;

import dev.steward.domain.integration.SettingSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;

/** The {@code hudu} integration kind: one Hudu instance of the MSP; each client is one of its companies. */
public final class HuduProvider extends DocsProvider {

    static final String KIND = "hudu";

    public HuduProvider() {
        super(KIND, "Hudu", List.of(
                SettingSpec.required("url", "Hudu address, e.g. https://docs.example.com"),
                SettingSpec.secret(API_KEY, "API key (Admin → API keys)"),
                SettingSpec.optional("contactsLayout", "Asset layout holding people (default People)")),
                "list-assets", "assets");
    }

    @Override
    DocsPlatform platform(Map<String, String> values, HttpClient http, HttpPolicy policy) {
        URI base = address("settings.url", values.getOrDefault("url", ""));
        String layout = values.getOrDefault("contactsLayout", "").strip();
        return new Hudu(new DocsHttp(KIND, "Hudu", base, apiKey(values), "application/json", http, policy,
                Sleeper.REAL), layout.isEmpty() ? "People" : layout);
    }

    @Override
    String addressField() {
        return "settings.url";
    }
}
