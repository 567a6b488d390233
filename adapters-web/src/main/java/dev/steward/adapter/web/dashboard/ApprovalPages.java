package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.api.ApprovalJson;
import dev.steward.adapter.web.dashboard.Layout.Section;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** The Approvals view: the requests waiting for a technician, each with its plan, arguments and approve/deny. */
final class ApprovalPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** A refused decision: on which request, and why. */
    record Refusal(String approval, FormErrors errors) {
        static final Refusal NONE = new Refusal("", FormErrors.NONE);
    }

    private ApprovalPages() {
    }

    static Html pending(List<ApprovalJson> approvals, Optional<String> client, Refusal refusal) {
        return pending(approvals, client, refusal, a -> Html.EMPTY, Html.EMPTY);
    }

    /**
     * With, for each request, what its call needs of the requester's identity ({@code identity}) and, above the list,
     * the values waiting for the signed-in technician ({@code waiting}).
     */
    static Html pending(List<ApprovalJson> approvals, Optional<String> client, Refusal refusal,
                        java.util.function.Function<ApprovalJson, Html> identity, Html waiting) {
        // a request decided meanwhile is no longer listed: its refusal is shown above the list
        Html elsewhere = refusal.approval().isEmpty()
                || approvals.stream().anyMatch(a -> a.id().equals(refusal.approval())) ? Html.EMPTY
                : refusal.errors().alert();
        Html list = approvals.isEmpty()
                ? new Html("<p class=\"empty\">No approval requests are waiting.</p>")
                : Html.each(approvals, a -> item(a, refusal, identity.apply(a)));
        Html body = Html.of("""
                <h1>Approvals%s</h1>
                <p class="help">In execute mode an agent pauses before a tool whose policy is approval_needed and \
                asks here (and on the ticket). Approve to let it run; deny and the requester is told it was not \
                approved. Your name and the time are recorded with the decision.</p>
                %s
                %s%s%s
                """, client.map(c -> Html.of(" for <a href=\"/clients/%s\">%s</a>", c, c)).orElse(Html.EMPTY),
                client.isPresent() ? new Html("<p><a href=\"/approvals\">All clients</a></p>") : Html.EMPTY,
                waiting, elsewhere, list);
        return Layout.page("Approvals", Section.APPROVALS, Optional.empty(), body);
    }

    private static Html item(ApprovalJson a, Refusal refusal, Html identity) {
        String id = "approval-" + a.id();
        FormErrors errors = a.id().equals(refusal.approval()) ? refusal.errors() : FormErrors.NONE;
        Optional<String> reasonError = errors.on("reason");
        return Html.of("""
                <article class="card approval" data-approval="%s" aria-labelledby="%s-h">
                <h2 id="%s-h"><code>%s</code> for <a href="/clients/%s">%s</a></h2>
                <dl class="facts">
                <dt>Ticket</dt><dd>%s</dd>
                <dt>Requested</dt><dd><time datetime="%s">%s</time></dd>
                %s</dl>
                <h3 class="visually-hidden">Plan</h3>
                <pre class="preview" tabindex="0">%s</pre>
                %s<form method="post" action="/approvals/%s/decide">
                %s<div class="field">
                <label for="%s-reason">Reason <small>(optional)</small></label>
                <input id="%s-reason" name="reason" type="text" maxlength="2000"%s>
                %s</div>
                <div class="buttons">
                <button type="submit" name="decision" value="approve">Approve</button>
                <button type="submit" name="decision" value="deny" class="danger">Deny</button>
                </div>
                </form>
                </article>
                """, a.id(), id, id, a.tool(), a.client(), a.client(), a.ticket(), a.requestedAt(),
                TIME.format(a.requestedAt()),
                Html.each(a.arguments().entrySet(), e -> Html.of("<dt>%s</dt><dd><code>%s</code></dd>\n", e.getKey(),
                        e.getValue())),
                a.plan(), identity, a.id(), errors.alert("reason"), id, id,
                reasonError.isPresent() ? Html.of(" aria-invalid=\"true\" aria-describedby=\"%s-reason-error\"", id)
                        : Html.EMPTY,
                reasonError.map(e -> Html.of("<p class=\"field-error\" id=\"%s-reason-error\">%s</p>\n", id, e))
                        .orElse(Html.EMPTY));
    }
}
