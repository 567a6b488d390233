package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.api.ActivityJson;
import dev.steward.adapter.web.api.ActivityPageJson;
import dev.steward.adapter.web.api.ClientJson;
import dev.steward.adapter.web.api.UsedWorkflowJson;
import dev.steward.adapter.web.dashboard.Layout.Section;
import dev.steward.domain.activity.ActivityOutcome;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The Activity tab: tool calls and transcript lines together, newest first, filtered and paged. */
final class ActivityPageView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    /** The filters as typed (echoed into the form, the paging link and the export links). */
    record Filter(String ticket, String tool, String outcome, String client) {
        String query() {
            return "ticket=" + Forms.encode(ticket) + "&tool=" + Forms.encode(tool) + "&outcome=" + Forms.encode(outcome);
        }
    }

    private ActivityPageView() {
    }

    /**
     * @param c     the client of a client's Activity tab; empty for the MSP-wide page, which names each entry's client
     * @param slugs client slug by client id, for the MSP-wide page's client column
     */
    static Html render(Optional<ClientJson> c, ActivityPageJson page, Filter filter, FormErrors errors,
                       Map<String, String> slugs) {
        // a session's workflows go on its newest entry of the page (entries are newest first)
        Set<String> named = new HashSet<>();
        Html rows = Html.each(page.items(), e -> row(e, c.isEmpty(), slugs, e.session() != null
                && named.add(e.session()) ? page.sessions().getOrDefault(e.session(), List.of()) : List.of()));
        Html table = page.items().isEmpty() ? new Html("<p class=\"empty\">No activity matches.</p>") : Html.of("""
                <table class="clients activity">
                <caption class="visually-hidden">Tool calls and conversation, newest first</caption>
                <thead><tr><th scope="col">Time (UTC)</th>%s<th scope="col">Ticket</th><th scope="col">What</th>\
                <th scope="col">Outcome</th><th scope="col">Summary</th></tr></thead>
                <tbody>
                %s</tbody>
                </table>
                """, c.isEmpty() ? new Html("<th scope=\"col\">Client</th>") : Html.EMPTY, rows);
        String path = c.map(client -> "/clients/" + client.slug() + "/activity").orElse("/activity");
        String base = path + "?" + filter.query() + c.map(x -> "").orElse("&client=" + Forms.encode(filter.client()));
        Html next = page.next() == null ? Html.EMPTY
                : Html.of("<p class=\"paging\"><a href=\"%s&amp;before=%s\">Older entries</a></p>", base, page.next());
        String export = "/api/v1/activity/export?client=" + Forms.encode(c.map(ClientJson::slug)
                .orElse(filter.client())) + "&" + filter.query();
        Html heading = c.map(client -> ClientPages.tabs(client, "activity"))
                .orElse(new Html("<h1>Activity</h1>\n<p>Every client's tool calls and conversation, newest first.</p>"));
        Html clientField = c.isPresent() ? Html.EMPTY : ClientPages.field("client", "Client (slug)", filter.client(),
                errors, new Html("maxlength=\"63\""), Html.EMPTY);
        Html body = Html.of("""
                %s
                <form class="filters" method="get" action="%s" role="search">
                %s%s%s%s                <div class="field"><label for="outcome">Outcome</label>
                <select id="outcome" name="outcome"><option value="">Any outcome</option>%s</select></div>
                <button type="submit">Filter</button>
                </form>
                %s%s
                <p>Export: <a href="%s&amp;format=csv">CSV</a> · <a href="%s&amp;format=json">JSON</a></p>
                """, heading, path, errors.alert("ticket", "tool", "client"), clientField,
                ClientPages.field("ticket", "Ticket", filter.ticket(), errors, new Html("maxlength=\"200\""),
                        Html.EMPTY),
                ClientPages.field("tool", "Tool", filter.tool(), errors,
                        new Html("maxlength=\"200\" placeholder=\"m365:get-user\""), Html.EMPTY),
                Html.each(Arrays.asList(ActivityOutcome.values()), o -> Html.of("<option value=\"%s\"%s>%s</option>",
                        o.label(), new Html(o.label().equals(filter.outcome()) ? " selected" : ""),
                        o.label().replace('_', ' '))),
                table, next, export, export);
        return Layout.page(c.map(client -> client.name() + " · Activity").orElse("Activity"),
                c.isPresent() ? Section.CLIENTS : Section.ACTIVITY, Optional.empty(), body);
    }

    /** @param workflows the workflow versions the entry's session used, when this row is where they are shown */
    private static Html row(ActivityJson e, boolean withClient, Map<String, String> slugs,
                            List<UsedWorkflowJson> workflows) {
        String what = e.tool() != null ? e.tool() : e.kind();
        String slug = slugs.getOrDefault(e.clientId(), "");
        Html client = !withClient ? Html.EMPTY : Html.of(
                "<td data-label=\"Client\"><a href=\"/clients/%s/activity\">%s</a></td>\n", slug, slug);
        return Html.of("""
                <tr>
                <td data-label="Time"><time datetime="%s">%s</time></td>
                %s<td data-label="Ticket">%s%s</td>
                <td data-label="What"><code>%s</code>%s</td>
                <td data-label="Outcome"><span class="badge outcome-%s">%s</span>%s</td>
                <td data-label="Summary">%s</td>
                </tr>
                """, e.at(), TIME.format(e.at()), client, e.ticket() == null ? "" : e.ticket(),
                workflows.isEmpty() ? Html.EMPTY : Html.of("<br><small data-field=\"workflows\">Workflows: %s</small>",
                        workflows.stream().map(UsedWorkflowJson::label)
                                .collect(java.util.stream.Collectors.joining(", "))), what,
                e.arguments().isEmpty() ? Html.EMPTY : Html.of("<br><small>%s</small>", e.arguments().toString()),
                e.outcome(), e.outcome().replace('_', ' '),
                e.actor() == null ? Html.EMPTY : Html.of(" <small>by %s</small>", e.actor()), e.summary());
    }
}
