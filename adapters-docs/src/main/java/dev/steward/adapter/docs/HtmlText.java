package dev.steward.adapter.docs;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * An article's HTML as plain text a model can read: parsed as a browser would (so broken or hostile markup cannot
 * smuggle tags or scripts through), scripts, styles and embedded objects dropped, one line per block and list item,
 * entities decoded, blank runs collapsed, and cut at a bound with a note saying how much was left out.
 */
final class HtmlText {

    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "iframe", "object",
            "embed", "svg", "math", "head");
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
            "pre", "blockquote", "section", "article", "table", "ul", "ol", "dl", "dt", "dd", "hr", "header", "footer");

    private HtmlText() {
    }

    /** The text of {@code html}, at most {@code max} characters (plus the note when cut). */
    static String of(String html, int max) {
        if (html == null || html.isBlank()) {
            return "";
        }
        var document = Jsoup.parse(html);
        document.select(String.join(",", DROPPED)).remove();
        StringBuilder out = new StringBuilder();
        document.body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.getWholeText().replaceAll("\\s+", " "));
                } else if (node instanceof Element element && element.tagName().equals("li")) {
                    out.append("\n- ");
                } else if (node instanceof Element element && BLOCKS.contains(element.tagName())) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.tagName())
                        && !element.tagName().equals("br")) {
                    out.append('\n');
                } else if (node instanceof Element element && (element.tagName().equals("td")
                        || element.tagName().equals("th"))) {
                    out.append(" | ");
                }
            }
        });
        String text = out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n[ \\t]+", "\n")
                .replaceAll("\\n{3,}", "\n\n").strip();
        return bounded(text, max);
    }

    /** {@code text} cut to {@code max} characters, saying how many were left out. */
    static String bounded(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "\n… (cut: " + (text.length() - max) + " more characters)";
    }
}
