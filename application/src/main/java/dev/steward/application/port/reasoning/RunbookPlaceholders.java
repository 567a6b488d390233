package dev.steward.application.port.reasoning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a runbook's argument values may hold, and their values for one request, taken from what the
 * request says (never guessed): {@code {requester}} (the requester's e-mail address, or the first one the text gives),
 * {@code {ticket}} (the ticket id), {@code {trigger}} (the runbook's trigger phrase found in the request, so a check can
 * search the client's documentation for it, e.g. {@code hudu:search-articles} with {@code query={trigger}}),
 * {@code {named_user}} and {@code {named_user_name}} (another person's e-mail
 * address in the text, e.g. a new starter or a leaver, and their name from a "Name:" line or the address),
 * {@code {group}} (a name in quotes) and {@code {error_code}} (an error code quoted, e.g. {@code AADSTS50053}). A
 * placeholder the request gives no value for stays unfilled, and whatever needs it is not done.
 */
public final class RunbookPlaceholders {

    /** Every placeholder there is. */
    public static final Set<String> KNOWN = Set.of("requester", "ticket", "trigger", "named_user", "named_user_name",
            "group", "error_code");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Pattern QUOTED = Pattern.compile("[\"“']([^\"”'\\n]{2,100})[\"”']");
    private static final Pattern ERROR_CODE = Pattern.compile("\\b(AADSTS\\d{4,6}|0x[0-9A-Fa-f]{8}|CAA[0-9A-F]{5})\\b");
    private static final Pattern NAME_LINE = Pattern.compile("(?im)^\\s*(?:full\\s+)?name\\s*:\\s*(.{2,100}?)\\s*$");

    private final Map<String, String> values;

    private RunbookPlaceholders(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The values the request gives. */
    public static RunbookPlaceholders of(AgentRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        String text = request.text();
        List<String> emails = EMAIL.matcher(text).results().map(java.util.regex.MatchResult::group).toList();
        Optional<String> requester = EMAIL.matcher(request.requester()).matches() ? Optional.of(request.requester())
                : emails.stream().findFirst();
        requester.ifPresent(r -> values.put("requester", r));
        values.put("ticket", request.reference());
        emails.stream().filter(e -> requester.map(r -> !r.equalsIgnoreCase(e)).orElse(true)).findFirst()
                .ifPresent(named -> {
                    values.put("named_user", named);
                    Matcher name = NAME_LINE.matcher(text);
                    values.put("named_user_name", name.find() ? name.group(1) : nameOf(named));
                });
        Matcher quoted = QUOTED.matcher(text);
        if (quoted.find()) {
            values.put("group", quoted.group(1).strip());
        }
        Matcher code = ERROR_CODE.matcher(text);
        if (code.find()) {
            values.put("error_code", code.group(1));
        }
        return new RunbookPlaceholders(values);
    }

    /** The same values with {@code {trigger}}: the trigger phrase of the runbook being applied. */
    public RunbookPlaceholders forTrigger(String trigger) {
        Map<String, String> with = new LinkedHashMap<>(values);
        if (trigger.isBlank()) {
            with.remove("trigger");
        } else {
            with.put("trigger", trigger);
        }
        return new RunbookPlaceholders(with);
    }

    /** The placeholder names {@code text} uses. */
    public static Set<String> used(String text) {
        return PLACEHOLDER.matcher(text).results().map(m -> m.group(1)).collect(java.util.stream.Collectors.toSet());
    }

    public Optional<String> value(String placeholder) {
        return Optional.ofNullable(values.get(placeholder));
    }

    /**
     * The arguments with every placeholder filled, or empty naming the first placeholder the request gives no value
     * for (nothing half-filled is ever used).
     */
    public Filled fill(Map<String, String> templates) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> template : templates.entrySet()) {
            StringBuilder value = new StringBuilder();
            Matcher m = PLACEHOLDER.matcher(template.getValue());
            while (m.find()) {
                String filled = values.get(m.group(1));
                if (filled == null) {
                    return new Filled(Map.of(), Optional.of(m.group(1)));
                }
                m.appendReplacement(value, Matcher.quoteReplacement(filled));
            }
            m.appendTail(value);
            out.put(template.getKey(), value.toString());
        }
        return new Filled(out, Optional.empty());
    }

    /** Filled arguments, or the placeholder that could not be filled. */
    public record Filled(Map<String, String> arguments, Optional<String> missing) {
        public boolean complete() {
            return missing.isEmpty();
        }
    }

    /** "sam.lee@…" → "Sam Lee". */
    private static String nameOf(String email) {
        String local = email.substring(0, email.indexOf('@'));
        StringBuilder name = new StringBuilder();
        for (String part : local.split("[._-]+")) {
            if (!part.isEmpty()) {
                name.append(name.isEmpty() ? "" : " ").append(part.substring(0, 1).toUpperCase(Locale.ROOT))
                        .append(part.substring(1));
            }
        }
        return name.toString();
    }
}
