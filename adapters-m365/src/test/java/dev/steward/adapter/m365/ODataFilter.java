package dev.steward.adapter.m365;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of OData {@code $filter} the stub understands, as Graph does for these resources: clauses joined by
 * {@code or} or by {@code and} (not both), each {@code startswith(field,'text')}, {@code field eq 'text'},
 * {@code field eq|ne number} (a field may be a path such as {@code status/errorCode}). String comparisons ignore
 * case, as Graph's do. Anything else is unsupported, and Graph answers that with 400.
 */
final class ODataFilter {

    /** A filter the stub (and Graph, for these resources) does not support. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String filter) {
            super("Unsupported or invalid query filter clause specified: " + filter);
        }
    }

    private static final Pattern STARTS_WITH = Pattern.compile("startswith\\(([A-Za-z/]+),'((?:[^']|'')*)'\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EQ_TEXT = Pattern.compile("([A-Za-z/]+) eq '((?:[^']|'')*)'");
    private static final Pattern COMPARE_NUMBER = Pattern.compile("([A-Za-z/]+) (eq|ne) (-?\\d+)");

    private ODataFilter() {
    }

    static Predicate<JsonNode> parse(String filter) {
        List<String> ors = split(filter, " or ");
        List<String> ands = split(filter, " and ");
        if (ors.size() > 1 && ands.size() > 1) {
            throw new Unsupported(filter);
        }
        List<Predicate<JsonNode>> clauses = new ArrayList<>();
        for (String clause : ors.size() > 1 ? ors : ands) {
            clauses.add(clause(clause.strip(), filter));
        }
        return ors.size() > 1 ? node -> clauses.stream().anyMatch(c -> c.test(node))
                : node -> clauses.stream().allMatch(c -> c.test(node));
    }

    private static Predicate<JsonNode> clause(String clause, String filter) {
        Matcher m;
        if ((m = STARTS_WITH.matcher(clause)).matches()) {
            String field = m.group(1);
            String prefix = m.group(2).replace("''", "'").toLowerCase(Locale.ROOT);
            return node -> text(node, field).toLowerCase(Locale.ROOT).startsWith(prefix);
        }
        if ((m = EQ_TEXT.matcher(clause)).matches()) {
            String field = m.group(1);
            String value = m.group(2).replace("''", "'");
            return node -> text(node, field).equalsIgnoreCase(value);
        }
        if ((m = COMPARE_NUMBER.matcher(clause)).matches()) {
            String field = m.group(1);
            boolean equal = m.group(2).equals("eq");
            long value = Long.parseLong(m.group(3));
            return node -> (at(node, field).asLong(Long.MIN_VALUE) == value) == equal;
        }
        throw new Unsupported(filter);
    }

    private static String text(JsonNode node, String path) {
        JsonNode value = at(node, path);
        return value.isValueNode() ? value.asText() : "";
    }

    private static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String part : path.split("/")) {
            current = current.path(part);
        }
        return current;
    }

    /** Splits on a keyword outside quoted literals. */
    private static List<String> split(String filter, String keyword) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < filter.length(); i++) {
            char c = filter.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && filter.startsWith(keyword, i)) {
                parts.add(filter.substring(start, i));
                start = i + keyword.length();
                i = start - 1;
            }
        }
        parts.add(filter.substring(start));
        return parts;
    }
}
