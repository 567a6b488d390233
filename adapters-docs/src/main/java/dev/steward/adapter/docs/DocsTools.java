package dev.steward.adapter.docs;

import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.problem.InvalidValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What each documentation tool does inside the client's one company, as text a model reads: lists of at most
 * {@link #PAGE} records per page (saying whether there are more), articles as plain text of at most
 * {@link #MAX_ARTICLE} characters, and every summary at most {@link #MAX_SUMMARY}. A password's value never enters a
 * summary: it goes only into the values revealed once to the approving technician.
 */
final class DocsTools {

    static final int PAGE = 25;
    static final int MAX_ARTICLE = 20_000;
    static final int MAX_SUMMARY = 32_000;
    static final int MAX_FIELD = 500;
    private static final int EXCERPT = 200;

    /** A tool's text for the reasoner and, for a password, the values only the approving technician sees. */
    record Outcome(String summary, Map<String, String> reveal) {
        Outcome {
            reveal = Map.copyOf(reveal);
        }

        static Outcome of(String summary) {
            return new Outcome(HtmlText.bounded(summary, MAX_SUMMARY), Map.of());
        }
    }

    private final DocsPlatform platform;

    DocsTools(DocsPlatform platform) {
        this.platform = platform;
    }

    /**
     * Runs {@code tool} (its name without the kind) in {@code company}.
     *
     * @param where how the company is named to the reasoner, e.g. {@code Hudu company Contoso}
     * @throws NotFound for an unknown tool or a record not in the company
     * @throws InvalidValue naming the argument the call cannot use
     */
    Outcome run(String tool, String company, String where, Map<String, String> arguments) {
        Arguments args = new Arguments(arguments);
        return switch (tool) {
            case "search-articles" -> articles(company, where, args);
            case "get-article" -> article(company, where, args.id());
            case "list-assets", "list-configurations" -> items(platform.assets(company, args.text("query"),
                    args.page(), PAGE), tool.equals("list-assets") ? "assets" : "configurations", where, args);
            case "get-asset" -> Outcome.of(describe(platform.asset(company, args.id()), where));
            case "list-contacts" -> items(platform.contacts(company, args.text("query"), args.page(), PAGE),
                    "contacts", where, args);
            case "get-password" -> password(company, where, args);
            default -> throw new NotFound("tool", tool);
        };
    }

    private Outcome articles(String company, String where, Arguments args) {
        DocsPlatform.Page<DocsPlatform.Article> page = platform.articles(company, args.text("query"), args.page(),
                PAGE);
        StringBuilder out = new StringBuilder(heading(page.items().size(), "article", where, args, page.more()));
        for (DocsPlatform.Article article : page.items()) {
            String excerpt = HtmlText.of(article.html(), EXCERPT).replace('\n', ' ');
            out.append("\n- #").append(article.id()).append(' ').append(clean(article.title()))
                    .append(article.updated().isBlank() ? "" : " (updated " + day(article.updated()) + ")")
                    .append(excerpt.isBlank() ? "" : ": " + excerpt);
        }
        return Outcome.of(out.toString());
    }

    private Outcome article(String company, String where, String id) {
        DocsPlatform.Article article = platform.article(company, id);
        return Outcome.of("Article #" + article.id() + " \"" + clean(article.title()) + "\" in " + where
                + (article.updated().isBlank() ? "" : ", updated " + day(article.updated())) + ":\n"
                + HtmlText.of(article.html(), MAX_ARTICLE));
    }

    private static Outcome items(DocsPlatform.Page<DocsPlatform.Item> page, String noun, String where,
                                 Arguments args) {
        StringBuilder out = new StringBuilder(heading(page.items().size(), noun.substring(0, noun.length() - 1),
                where, args, page.more()));
        for (DocsPlatform.Item item : page.items()) {
            out.append("\n- #").append(item.id()).append(' ').append(clean(item.name()))
                    .append(item.type().isBlank() ? "" : " [" + clean(item.type()) + "]");
            String fields = item.fields().entrySet().stream().limit(4)
                    .map(e -> clean(e.getKey()) + ": " + field(e.getValue(), 80)).collect(Collectors.joining("; "));
            out.append(fields.isEmpty() ? "" : " — " + fields);
        }
        return Outcome.of(out.toString());
    }

    private static String describe(DocsPlatform.Item item, String where) {
        StringBuilder out = new StringBuilder("#" + item.id() + " " + clean(item.name())
                + (item.type().isBlank() ? "" : " [" + clean(item.type()) + "]") + " in " + where + ":");
        item.fields().forEach((key, value) -> out.append("\n").append(clean(key)).append(": ")
                .append(field(value, MAX_FIELD)));
        return out.toString();
    }

    /**
     * Finds one password by id or by name in the company and hands its value to the approving technician only; the
     * summary says what was revealed (name, username, URL) and never the value.
     */
    private Outcome password(String company, String where, Arguments args) {
        Optional<String> id = args.optional("id");
        String chosen;
        if (id.isPresent()) {
            chosen = id.get();
        } else {
            String name = args.optional("name").orElseThrow(() -> InvalidValue.of("arguments.name", "required",
                    "is required when no id is given: the password entry's name"));
            List<DocsPlatform.Password> found = platform.passwords(company, name, 1, PAGE).items();
            List<DocsPlatform.Password> exact = found.stream().filter(p -> p.name().equalsIgnoreCase(name)).toList();
            List<DocsPlatform.Password> candidates = exact.isEmpty() ? found : exact;
            if (candidates.isEmpty()) {
                throw new NotFound("password", name);
            }
            if (candidates.size() > 1) {
                throw InvalidValue.of("arguments.name", "ambiguous", "matches " + candidates.size()
                        + " password entries in " + where + "; give the id of one: " + candidates.stream()
                        .limit(10).map(p -> "#" + p.id() + " " + clean(p.name())).collect(Collectors.joining(", ")));
            }
            chosen = candidates.getFirst().id();
        }
        DocsPlatform.Password password = platform.password(company, chosen);
        if (password.value().isEmpty()) {
            throw PortFailure.permanent(platform.port(), platform.platform() + " returned no value for password #"
                    + password.id() + " (for IT Glue, the API key needs Password Access)", null);
        }
        String summary = "Password #" + password.id() + " \"" + clean(password.name()) + "\""
                + (password.username().isBlank() ? "" : " for user " + clean(password.username()))
                + (password.url().isBlank() ? "" : " at " + clean(password.url())) + " from " + where
                + " was revealed to the approving technician only; its value is not shown here.";
        return new Outcome(summary.contains(password.value())
                ? "A password from " + where + " was revealed to the approving technician only."
                : summary, Map.of("password", password.value()));
    }

    private static String heading(int count, String noun, String where, Arguments args, boolean more) {
        String query = args.text("query");
        return count + " " + noun + (count == 1 ? "" : "s") + (query.isBlank() ? "" : " matching \"" + clean(query)
                + "\"") + " in " + where + " (page " + args.page() + (more ? "; more on page " + (args.page() + 1)
                : "") + ")" + (count == 0 ? "." : ":");
    }

    private static String field(String value, int max) {
        String text = value.contains("<") ? HtmlText.of(value, max) : HtmlText.bounded(value.strip(), max);
        return text.replace('\n', ' ');
    }

    /** Text from the platform on one line, without control characters. */
    private static String clean(String text) {
        return text.replaceAll("\\p{Cntrl}+", " ").strip();
    }

    private static String day(String timestamp) {
        return timestamp.length() >= 10 ? timestamp.substring(0, 10) : timestamp;
    }

    /** A call's arguments, read with the rules the tools' inputs declare (checked again here, the values named). */
    private record Arguments(Map<String, String> values) {

        String text(String name) {
            return values.getOrDefault(name, "").strip();
        }

        Optional<String> optional(String name) {
            return Optional.ofNullable(values.get(name)).map(String::strip).filter(v -> !v.isEmpty());
        }

        String id() {
            String id = text("id");
            if (!Json.isId(id)) {
                throw InvalidValue.of("arguments.id", "malformed", "must be the record's number, e.g. 301");
            }
            return id;
        }

        int page() {
            String page = text("page");
            if (page.isEmpty()) {
                return 1;
            }
            try {
                int number = Integer.parseInt(page);
                if (number >= 1 && number <= 1000) {
                    return number;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw InvalidValue.of("arguments.page", "out-of-range", "must be a whole number from 1 to 1000");
        }
    }
}
