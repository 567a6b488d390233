package dev.steward.adapter.web.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.IntegrationScope;
import dev.steward.domain.integration.SettingSpec;
import dev.steward.domain.integration.ToolPolicy;
import java.util.List;

/** What can be connected: a kind's settings (secrets marked) and its tools with the policy each starts with. */
public record IntegrationKindJson(String name, String label, List<String> scopes, List<SettingJson> settings,
                                  List<KindToolJson> tools) {

    /** {@code written}: Steward writes the value itself (OAuth tokens); no one is asked for it. */
    public record SettingJson(String key, String label, boolean secret, boolean required, boolean written) {}

    public record KindToolJson(String name, String effect, String description, String defaultPolicy,
                               boolean sensitive, @JsonRawValue String inputSchema) {}

    public static IntegrationKindJson from(IntegrationKind kind) {
        return new IntegrationKindJson(kind.name(), kind.label(),
                kind.scopes().stream().map(IntegrationScope::label).sorted().toList(),
                kind.settings().stream().map(IntegrationKindJson::setting).toList(),
                kind.tools().stream().map(t -> new KindToolJson(t.name().value(), t.effect().label(), t.description(),
                        kind.curatedDefaults().getOrDefault(t.name(), ToolPolicy.defaultFor(t.effect())).label(),
                        t.sensitive(), t.input().jsonSchema()))
                        .toList());
    }

    private static SettingJson setting(SettingSpec spec) {
        return new SettingJson(spec.key(), spec.label(), spec.secret(), spec.required(), spec.written());
    }
}
