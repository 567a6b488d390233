package dev.steward.adapter.web.dashboard;

import java.util.Collection;
import java.util.Objects;
import java.util.function.Function;

/**
 * HTML that is safe to send: a tiny template helper where escaping is the default. {@link #of} fills {@code %s}
 * placeholders of a trusted template; every argument that is not already {@code Html} is escaped (text and attribute
 * values alike), so user text cannot become markup.
 */
public record Html(String html) {

    public static final Html EMPTY = new Html("");

    public Html {
        Objects.requireNonNull(html, "html");
    }

    /** Fills a trusted template; {@code Html} arguments go in as they are, anything else is escaped. */
    public static Html of(String template, Object... args) {
        Object[] safe = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            safe[i] = args[i] instanceof Html h ? h.html : escape(String.valueOf(args[i]));
        }
        return new Html(template.formatted(safe));
    }

    /** Escapes text for element content and quoted attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Renders each item and concatenates the results. */
    public static <T> Html each(Collection<T> items, Function<T, Html> render) {
        StringBuilder out = new StringBuilder();
        items.forEach(item -> out.append(render.apply(item).html));
        return new Html(out.toString());
    }

    public static Html when(boolean condition, Html html) {
        return condition ? html : EMPTY;
    }

    @Override
    public String toString() {
        return html;
    }
}
