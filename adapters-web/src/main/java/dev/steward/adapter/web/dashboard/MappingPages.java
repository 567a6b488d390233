package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.api.ClientJson;
import dev.steward.adapter.web.api.ClientMappingJson.ChoiceJson;
import dev.steward.adapter.web.api.ClientMappingJson.DirectoryPageJson;
import dev.steward.adapter.web.api.ClientMappingJson.EntryJson;
import dev.steward.adapter.web.dashboard.Layout.Section;
import java.util.List;
import java.util.Optional;

/**
 * Which entry of an integration's directory a client is (its Microsoft 365 customer tenant, its documentation
 * platform's company): the section of the client's Integrations tab, and the picker page that searches a directory
 * and maps the client to an entry with one button. The same pages serve every kind that offers a directory.
 */
final class MappingPages {

    /** What the picker was asked for, and why the last choice was refused. */
    record PickerForm(String search, FormErrors errors) {
        static final PickerForm NONE = new PickerForm("", FormErrors.NONE);
    }

    private MappingPages() {
    }

    /** The Integrations tab's section: one row per directory, its mapping and a link to the picker. */
    static Html section(ClientJson client, List<ChoiceJson> choices) {
        if (choices.isEmpty()) {
            return Html.EMPTY;
        }
        return Html.of("""
                <section aria-labelledby="mappings-h">
                <h2 id="mappings-h">Tenants and companies</h2>
                <p class="help">Tools of these integrations act only inside the entry this client is mapped to.</p>
                <table class="clients mappings">
                <caption class="visually-hidden">Directory mappings of this client</caption>
                <thead><tr><th scope="col">Integration</th><th scope="col">This client is</th><th scope="col">\
                <span class="visually-hidden">Change</span></th></tr></thead>
                <tbody>
                %s</tbody>
                </table>
                </section>
                """, Html.each(choices, c -> Html.of("""
                <tr data-mapping="%s">
                <td data-label="Integration">%s</td>
                <td data-label="This client is">%s</td>
                <td data-label="Change"><a href="/clients/%s/mappings/%s">%s<span class="visually-hidden"> (%s)</span></a></td>
                </tr>
                """, c.kind(), c.label(), c.mapping() == null ? new Html("<span class=\"empty\">not mapped</span>")
                : Html.of("%s <code>%s</code>", c.mapping().label(), c.mapping().externalId()), client.slug(),
                c.kind(), c.mapping() == null ? "Choose…" : "Change…", c.label())));
    }

    /** The picker: the current mapping, a search, one page of entries each with a button, and the next page. */
    static Html picker(ClientJson client, ChoiceJson choice, Optional<DirectoryPageJson> page, PickerForm form) {
        String action = "/clients/" + client.slug() + "/mappings/" + choice.kind();
        String current = choice.mapping() == null ? "" : choice.mapping().externalId();
        Html body = Html.of("""
                %s
                <section aria-labelledby="picker-h">
                <h2 id="picker-h">%s</h2>
                <p><a href="/clients/%s/integrations">Back to the Integrations tab</a></p>
                <p>This client is %s.</p>
                %s%s
                <form method="get" action="%s" class="directory-search" role="search">
                <div class="field"><label for="search">Search by name</label>
                <input id="search" name="search" value="%s" maxlength="100" autocomplete="off"></div>
                <button type="submit">Search</button>
                </form>
                %s
                </section>
                """, ClientPages.tabs(client, "integrations"), choice.label(), client.slug(),
                choice.mapping() == null ? new Html("<strong>not mapped</strong> yet")
                        : Html.of("<strong>%s</strong> (<code>%s</code>)", choice.mapping().label(),
                                choice.mapping().externalId()),
                form.errors().alert(),
                choice.mapping() == null ? Html.EMPTY : Html.of("""
                        <form method="post" action="%s/remove" class="inline">
                        <input type="hidden" name="expected" value="%s">
                        <button type="submit" class="link">Remove the mapping</button>
                        </form>
                        """, action, current),
                action, form.search(), page.map(p -> entries(action, current, form.search(), p))
                        .orElse(new Html("<p class=\"empty\">The directory could not be read; see the message above."
                                + "</p>")));
        return Layout.page(client.name() + " · " + choice.label(), Section.CLIENTS, Optional.empty(), body);
    }

    private static Html entries(String action, String current, String search, DirectoryPageJson page) {
        if (page.entries().isEmpty()) {
            return new Html("<p class=\"empty\">No entry matches.</p>");
        }
        return Html.of("""
                <table class="clients directory">
                <caption class="visually-hidden">Entries of the directory</caption>
                <thead><tr><th scope="col">Name</th><th scope="col">Id</th><th scope="col">Detail</th>\
                <th scope="col"><span class="visually-hidden">Map</span></th></tr></thead>
                <tbody>
                %s</tbody>
                </table>
                %s""", Html.each(page.entries(), e -> row(action, current, e)),
                page.next() == null ? Html.EMPTY : Html.of("<p><a href=\"%s?search=%s&amp;cursor=%s\" rel=\"next\">"
                        + "Next page</a></p>\n", action, new Html(Forms.encode(search)), new Html(Forms.encode(
                        page.next()))));
    }

    private static Html row(String action, String current, EntryJson entry) {
        boolean mapped = entry.id().equals(current);
        return Html.of("""
                <tr data-entry="%s">
                <td data-label="Name">%s</td>
                <td data-label="Id"><code>%s</code></td>
                <td data-label="Detail">%s</td>
                <td data-label="Map">%s</td>
                </tr>
                """, entry.id(), entry.label(), entry.id(), entry.detail(), mapped
                ? new Html("<span class=\"badge\">mapped</span>")
                : Html.of("""
                        <form method="post" action="%s" class="inline">
                        <input type="hidden" name="externalId" value="%s">
                        <input type="hidden" name="expected" value="%s">
                        <button type="submit">Map to this</button>
                        </form>""", action, entry.id(), current));
    }
}
