package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.api.ActivityJson;
import dev.steward.adapter.web.api.ActivityPageJson;
import dev.steward.adapter.web.api.ClientJson;
import dev.steward.adapter.web.dashboard.Layout.Section;
import dev.steward.domain.activity.ActivityOutcome;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;

/** The Activity tab: tool calls and transcript lines together, newest first, filtered and paged. */
final class ActivityPageView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    /** The filters as typed (echoed into the form, the paging link and the export links). */
    record Filter(String ticket, String tool, String outcome) {
        String query() {
            return "ticket=" + Forms.encode(ticket) + "&tool=" + Forms.encode(tool) + "&outcome=" + Forms.encode(outcome);
        }
    }

    private ActivityPageView() {
    }

    static Html render(ClientJson c, ActivityPageJson page, Filter filter, FormErrors errors) {
        Html rows = Html.each(page.items(), ActivityPageView::row);
        Html table = page.items().isEmpty() ? new Html("<p class=\"empty\">No activity matches.</p>") : Html.of("""
                <table class="clients activity">
                <caption class="visually-hidden">Tool calls and conversation, newest first</caption>
                <thead><tr><th scope="col">Time (UTC)</th><th scope="col">Ticket</th><th scope="col">What</th>\
                <th scope="col">Outcome</th><th scope="col">Summary</th></tr></thead>
                <tbody>
                %s</tbody>
                </table>
                """, rows);
        String base = "/clients/" + c.slug() + "/activity?" + filter.query();
        Html next = page.next() == null ? Html.EMPTY
                : Html.of("<p class=\"paging\"><a href=\"%s&amp;before=%s\">Older entries</a></p>", base, page.next());
        String export = "/api/v1/activity/export?client=" + Forms.encode(c.slug()) + "&" + filter.query();
        Html body = Html.of("""
                %s
                <form class="filters" method="get" action="/clients/%s/activity" role="search">
                %s%s%s                <div class="field"><label for="outcome">Outcome</label>
                <select id="outcome" name="outcome"><option value="">Any outcome</option>%s</select></div>
                <button type="submit">Filter</button>
                </form>
                %s%s
                <p>Export: <a href="%s&amp;format=csv">CSV</a> · <a href="%s&amp;format=json">JSON</a></p>
                """, ClientPages.tabs(c, "activity"), c.slug(), errors.alert("ticket", "tool"),
                ClientPages.field("ticket", "Ticket", filter.ticket(), errors, new Html("maxlength=\"200\""),
                        Html.EMPTY),
                ClientPages.field("tool", "Tool", filter.tool(), errors,
                        new Html("maxlength=\"200\" placeholder=\"m365:get-user\""), Html.EMPTY),
                Html.each(Arrays.asList(ActivityOutcome.values()), o -> Html.of("<option value=\"%s\"%s>%s</option>",
                        o.label(), new Html(o.label().equals(filter.outcome()) ? " selected" : ""),
                        o.label().replace('_', ' '))),
                table, next, export, export);
        return Layout.page(c.name() + " · Activity", Section.CLIENTS, Optional.empty(), body);
    }

    private static Html row(ActivityJson e) {
        String what = e.tool() != null ? e.tool() : e.kind();
        return Html.of("""
                <tr>
                <td data-label="Time"><time datetime="%s">%s</time></td>
                <td data-label="Ticket">%s</td>
                <td data-label="What"><code>%s</code>%s</td>
                <td data-label="Outcome"><span class="badge outcome-%s">%s</span>%s</td>
                <td data-label="Summary">%s</td>
                </tr>
                """, e.at(), TIME.format(e.at()), e.ticket() == null ? "" : e.ticket(), what,
                e.arguments().isEmpty() ? Html.EMPTY : Html.of("<br><small>%s</small>", e.arguments().toString()),
                e.outcome(), e.outcome().replace('_', ' '),
                e.actor() == null ? Html.EMPTY : Html.of(" <small>by %s</small>", e.actor()), e.summary());
    }
}
