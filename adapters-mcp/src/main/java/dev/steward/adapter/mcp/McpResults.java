package dev.steward.adapter.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;

/**
 * A tool result as the reasoner and the activity log read it: text content passed on, any other content summarised
 * (an image by its type and size, a resource by its address), structured content as JSON when there is no text, and
 * the whole bounded to {@link #MAX_CHARACTERS} so that one server cannot flood a model's context or the activity log.
 */
final class McpResults {

    /** The most characters of a result kept; the rest is cut with a note saying how much was left out. */
    static final int MAX_CHARACTERS = 16_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private McpResults() {
    }

    static String summary(McpSchema.CallToolResult result) {
        StringBuilder out = new StringBuilder();
        List<McpSchema.Content> content = result.content() == null ? List.of() : result.content();
        for (McpSchema.Content item : content) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            switch (item) {
                case McpSchema.TextContent text -> out.append(text.text());
                case McpSchema.ImageContent image -> out.append("[image ").append(image.mimeType()).append(", ")
                        .append(decodedSize(image.data())).append(" bytes]");
                case McpSchema.AudioContent audio -> out.append("[audio ").append(audio.mimeType()).append(", ")
                        .append(decodedSize(audio.data())).append(" bytes]");
                case McpSchema.ResourceLink link -> out.append("[resource link ").append(link.uri())
                        .append(link.name() == null ? "" : " (" + link.name() + ")").append(']');
                case McpSchema.EmbeddedResource embedded -> out.append(embedded(embedded.resource()));
                default -> out.append("[").append(item.type()).append(" content]");
            }
            if (out.length() > MAX_CHARACTERS) {
                break;
            }
        }
        if (out.isEmpty() && result.structuredContent() != null) {
            try {
                out.append(JSON.writeValueAsString(result.structuredContent()));
            } catch (JsonProcessingException e) {
                out.append("[structured content]");
            }
        }
        if (out.isEmpty()) {
            out.append("(no content)");
        }
        return bounded(out);
    }

    private static String embedded(McpSchema.ResourceContents resource) {
        if (resource instanceof McpSchema.TextResourceContents text) {
            return "[resource " + text.uri() + "]\n" + text.text();
        }
        if (resource instanceof McpSchema.BlobResourceContents blob) {
            return "[resource " + blob.uri() + ", " + blob.mimeType() + ", " + decodedSize(blob.blob()) + " bytes]";
        }
        return "[resource " + resource.uri() + "]";
    }

    private static String bounded(StringBuilder out) {
        if (out.length() <= MAX_CHARACTERS) {
            return out.toString();
        }
        int cut = MAX_CHARACTERS;
        if (Character.isHighSurrogate(out.charAt(cut - 1))) {
            cut--;
        }
        return out.substring(0, cut) + "\n[… result cut at " + MAX_CHARACTERS + " characters]";
    }

    private static long decodedSize(String base64) {
        return base64 == null ? 0 : base64.length() * 3L / 4;
    }
}
