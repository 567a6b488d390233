package dev.steward.adapter.web.api;

import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.integration.ToolName;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** One audit-log line: a tool call (tool, redacted arguments, outcome) or a transcript line. */
public record ActivityJson(String id, String clientId, String session, String ticket, Instant at, String kind,
                           String tool, Map<String, String> arguments, String outcome, String summary,
                           long durationMillis, String actor) {

    public static ActivityJson from(ActivityEntry e) {
        return new ActivityJson(e.id().toString(), e.client().toString(), e.session().map(UUID::toString).orElse(null),
                e.ticket().orElse(null), e.at(), e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                e.tool().map(ToolName::value).orElse(null), e.arguments().values(), e.outcome().label(),
                e.summary(), e.duration().toMillis(), e.actor().orElse(null));
    }
}
