package dev.steward.adapter.web.api;

import dev.steward.adapter.web.problem.RequestProblem;
import dev.steward.application.integration.DirectoryPage;
import dev.steward.application.integration.MappingChoice;
import dev.steward.domain.integration.ClientMapping;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A client's mapping of one integration kind: which entry of that integration's directory the client is. Its entity
 * tag names the entry ({@code "m.<base64url of the id>"}, {@code "m."} for none), so an {@code If-Match} says which
 * mapping the caller saw.
 */
public record ClientMappingJson(String kind, String externalId, String label) {

    public static ClientMappingJson from(ClientMapping mapping) {
        return new ClientMappingJson(mapping.kind(), mapping.externalId(), mapping.label());
    }

    /** The body of {@code PUT /api/v1/clients/{slug}/mappings/{kind}}. */
    public record MapClientJson(String externalId) {}

    /** One integration a client can be mapped into, with its mapping (null when none). */
    public record ChoiceJson(String kind, String label, String integrationId, ClientMappingJson mapping, String etag) {

        static ChoiceJson from(MappingChoice choice) {
            return new ChoiceJson(choice.integration().kind(), choice.label(), choice.integration().id().toString(),
                    choice.mapping().map(ClientMappingJson::from).orElse(null), entityTag(choice.mapping()));
        }
    }

    /** {@code GET /api/v1/clients/{slug}/mappings}. */
    public record ChoiceListJson(List<ChoiceJson> items) {

        public static ChoiceListJson from(List<MappingChoice> choices) {
            return new ChoiceListJson(choices.stream().map(ChoiceJson::from).toList());
        }
    }

    /** One entry of a directory. */
    public record EntryJson(String id, String label, String detail) {}

    /** {@code GET /api/v1/integrations/{id}/directory}: a page and the cursor of the next one (null on the last). */
    public record DirectoryPageJson(String integrationId, String kind, List<EntryJson> entries, String next) {

        public static DirectoryPageJson from(DirectoryPage page) {
            return new DirectoryPageJson(page.integration().id().toString(), page.integration().kind(),
                    page.entries().stream().map(e -> new EntryJson(e.id(), e.label(), e.detail())).toList(),
                    page.next().orElse(null));
        }
    }

    public static String entityTag(Optional<ClientMapping> mapping) {
        return "\"m." + mapping.map(m -> Base64.getUrlEncoder().withoutPadding()
                .encodeToString(m.externalId().getBytes(StandardCharsets.UTF_8))).orElse("") + "\"";
    }

    /**
     * The external id an {@code If-Match} names ({@code ""} for "no mapping"); empty without the header or with
     * {@code *}.
     *
     * @throws RequestProblem naming {@code If-Match} if it is not one of these tags
     */
    public static Optional<String> expectedExternalId(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return Optional.empty();
        }
        String tag = ifMatch.strip();
        tag = tag.startsWith("W/") ? tag.substring(2) : tag;
        if (tag.length() < 4 || !tag.startsWith("\"m.") || !tag.endsWith("\"")) {
            throw malformed();
        }
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(tag.substring(3, tag.length() - 1)),
                    StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    private static RequestProblem malformed() {
        return RequestProblem.invalidField("If-Match", "if-match.malformed",
                "must be the ETag this API gave for the mapping, e.g. \"m.\" for no mapping");
    }
}
