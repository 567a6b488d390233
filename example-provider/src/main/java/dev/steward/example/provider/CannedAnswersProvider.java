package dev.steward.example.provider;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.problem.NotFound;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.application.spi.ProviderContext;
import dev.steward.application.spi.ToolCall;
import dev.steward.application.spi.ToolResult;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.IntegrationScope;
import dev.steward.domain.integration.SettingSpec;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.problem.InvalidValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A complete integration provider: canned answers a client's helpdesk gives, one per line of the {@code answers}
 * setting ({@code topic: answer}). Connected per client; one read tool searches them. A real provider talks to a
 * system over HTTP in {@code connect} and {@code execute}; everything else is exactly this.
 */
public final class CannedAnswersProvider implements IntegrationProvider {

    static final IntegrationKind KIND = new IntegrationKind("canned-answers", "Canned answers",
            Set.of(IntegrationScope.CLIENT),
            List.of(SettingSpec.required("answers", "One answer a line: topic: answer")),
            List.of(Tool.readOnly("canned-answers:search", "Finds the canned answers whose topic contains a word")
                    .taking(ToolParameter.required("word", ToolParameter.Type.STRING, "A word of the topic")
                            .atMost(50))),
            Map.of());

    /** ServiceLoader needs a public constructor without arguments. */
    public CannedAnswersProvider() {
    }

    @Override
    public IntegrationKind kind() {
        return KIND;
    }

    @Override
    public IntegrationConnection connect(Integration integration, IntegrationSettings values,
                                         ProviderContext context) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String line : values.settings().getOrDefault("answers", "").split("\n")) {
            int colon = line.indexOf(':');
            if (line.isBlank()) {
                continue;
            }
            if (colon < 1) {
                // name the field, never the value: it could be a secret in another provider
                throw InvalidValue.of("settings.answers", "malformed", "must hold one 'topic: answer' a line");
            }
            answers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        return new Connection(Map.copyOf(answers));
    }

    private record Connection(Map<String, String> answers) implements IntegrationConnection {

        @Override
        public List<Tool> tools() {
            return KIND.tools();
        }

        @Override
        public ToolResult execute(ToolCall call) {
            if (!call.tool().equals(KIND.tools().getFirst().name())) {
                throw new NotFound("tool", call.tool().value());
            }
            String word = call.argument("word").orElseThrow().toLowerCase(Locale.ROOT);
            List<String> found = answers.entrySet().stream().filter(e -> e.getKey().contains(word))
                    .map(e -> e.getKey() + ": " + e.getValue()).sorted().toList();
            return ToolResult.of(found.isEmpty() ? "No canned answer about " + word + "."
                    : String.join("\n", found));
        }
    }
}
