package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.dashboard.Layout.Section;
import dev.steward.application.verification.IdentityStatus;
import dev.steward.domain.approval.ApprovalRequest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the Approvals view shows about sensitive actions: on a pending request for a sensitive tool, whether the
 * requester's identity is verified (and a button for the technician who verified the caller themselves); above the
 * list, the approved calls whose values wait for the signed-in technician; and the one page that shows those values.
 */
final class IdentityPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private IdentityPages() {
    }

    /** The identity part of a pending request's card; nothing for a tool that is not sensitive. */
    static Html onApproval(String approval, IdentityStatus status) {
        if (!status.sensitive()) {
            return Html.EMPTY;
        }
        if (status.verified().isPresent()) {
            var v = status.verified().get();
            return Html.of("""
                    <p class="identity verified" data-identity="verified">Sensitive: the identity of %s was verified \
                    (%s, <time datetime="%s">%s</time>).</p>
                    """, status.requester(), v.summary(), v.at(), TIME.format(v.at()));
        }
        if (status.requester().isBlank()) {
            return new Html("<p class=\"identity\" data-identity=\"unknown\">Sensitive: the requester is not known, "
                    + "so this cannot run until a technician handles the ticket.</p>\n");
        }
        return Html.of("""
                <div class="identity" data-identity="unverified">
                <p>Sensitive: it runs only once the identity of %s is verified — by a push through the MSP's \
                verification integration when it runs, or by you, if you verified the caller yourself (call them \
                back on a number you have on file).</p>
                <form method="post" action="/approvals/%s/identity">
                <button type="submit">I verified the caller</button>
                </form>
                </div>
                """, status.requester(), approval);
    }

    /** The approved calls whose values wait for the signed-in technician; nothing when there are none. */
    static Html waiting(List<ApprovalRequest> approvals) {
        if (approvals.isEmpty()) {
            return Html.EMPTY;
        }
        return Html.of("""
                <section class="card" aria-labelledby="handover-h" data-waiting-values="%s">
                <h2 id="handover-h">To hand over</h2>
                <p class="help">These calls you approved produced a value for you to give the requester (a temporary \
                password or access pass). Steward shows each once and then forgets it.</p>
                <ul>
                %s</ul>
                </section>
                """, approvals.size(), Html.each(approvals, a -> Html.of("""
                <li><code>%s</code>, ticket %s
                <form method="post" action="/approvals/%s/reveal" class="inline">
                <button type="submit">Show once</button>
                </form></li>
                """, a.tool(), a.ticket(), a.id())));
    }

    /** The values, this once. */
    static Html revealed(ApprovalRequest approval, Map<String, String> values) {
        Html body = Html.of("""
                <h1>Hand over: <code>%s</code></h1>
                <p class="alert" role="alert">Shown once: Steward has now forgotten these values. Give them to the \
                requester of ticket %s by phone or in person, never by e-mail or on the ticket.</p>
                <dl class="facts revealed">
                %s</dl>
                <p><a href="/approvals">Back to approvals</a></p>
                """, approval.tool(), approval.ticket(), Html.each(values.entrySet(), e -> Html.of(
                "<dt>%s</dt><dd><code data-revealed=\"%s\">%s</code></dd>\n", e.getKey(), e.getKey(), e.getValue())));
        return Layout.page("Hand over", Section.APPROVALS, Optional.empty(), body);
    }
}
