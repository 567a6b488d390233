package dev.steward.application.testkit;

import dev.steward.application.inmemory.InMemoryIntegrationProvider;
import dev.steward.application.inmemory.InMemoryTicketSystem;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.domain.integration.IntegrationCapability;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.IntegrationScope;
import dev.steward.domain.integration.SettingSpec;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.problem.InvalidValue;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two integration kinds for tests of what sits on top of the providers: an MSP-wide PSA (its {@code apiBase} must be
 * an https URL, as a real system would refuse anything else) and a per-client documentation platform with a curated
 * policy.
 */
public final class SampleKinds {

    public static final IntegrationKind PSA = new IntegrationKind("connectwise", "ConnectWise Manage",
            Set.of(IntegrationScope.MSP),
            List.of(SettingSpec.required("apiBase", "API base URL"), SettingSpec.required("companyId", "Company id"),
                    SettingSpec.secret("privateKey", "Private key"), SettingSpec.optional("boardId", "Board")),
            List.of(Tool.readOnly("connectwise:get-ticket", "Reads a ticket")
                            .taking(ToolParameter.required("ticket", ToolParameter.Type.STRING, "Ticket id")),
                    Tool.write("connectwise:update-status", "Changes a ticket's status")
                            .taking(ToolParameter.required("ticket", ToolParameter.Type.STRING, "Ticket id"),
                                    ToolParameter.required("status", ToolParameter.Type.STRING, "Status name"))),
            Map.of()).with(IntegrationCapability.PSA);

    public static final IntegrationKind DOCS = new IntegrationKind("hudu", "Hudu", Set.of(IntegrationScope.CLIENT),
            List.of(SettingSpec.required("baseUrl", "Base URL"), SettingSpec.secret("apiKey", "API key")),
            List.of(Tool.readOnly("hudu:search-articles", "Searches the client's articles")
                            .taking(ToolParameter.required("query", ToolParameter.Type.STRING, "Search words")),
                    Tool.write("hudu:archive-article", "Archives an article")),
            Map.of(ToolName.of("hudu:archive-article"), ToolPolicy.DISABLED));

    private SampleKinds() {
    }

    /** A provider of {@link #PSA}, a ticket system of its own, that refuses an {@code apiBase} that is not https. */
    public static InMemoryIntegrationProvider psa() {
        return new InMemoryIntegrationProvider(PSA)
                .withTicketSystem(new InMemoryTicketSystem(PSA.name(), Clock.systemUTC())).checking(values -> {
            if (!values.settings().get("apiBase").startsWith("https://")) {
                throw InvalidValue.of("settings.apiBase", "malformed", "must be an https URL");
            }
        });
    }

    public static InMemoryIntegrationProvider docs() {
        return new InMemoryIntegrationProvider(DOCS);
    }

    /** Both kinds, each from a fresh provider. */
    public static IntegrationKinds kinds() {
        return IntegrationKinds.of(psa(), docs());
    }
}
