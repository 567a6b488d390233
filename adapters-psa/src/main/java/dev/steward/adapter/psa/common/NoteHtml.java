package dev.steward.adapter.psa.common;

/** Plain text to the small HTML the PSAs that take HTML notes (HaloPSA) expect: escaped, paragraphs, line breaks. */
public final class NoteHtml {

    private NoteHtml() {
    }

    public static String of(String text) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            out.append("<p>").append(escape(paragraph.strip()).replaceAll("\\R", "<br>")).append("</p>");
        }
        return out.toString();
    }

    /** The text of HTML a PSA returns: tags dropped, the common entities decoded. */
    public static String toText(String html) {
        return html.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</p>\\s*<p>", "\n\n").replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&").strip();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
