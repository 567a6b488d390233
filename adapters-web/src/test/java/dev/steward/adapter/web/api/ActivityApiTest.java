package dev.steward.adapter.web.api;

import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.adapter.web.ServerPerTest;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.Slug;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.workflow.AppliedWorkflow;
import dev.steward.domain.workflow.WorkflowId;
import dev.steward.domain.workflow.WorkflowName;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActivityApiTest extends ServerPerTest {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private Client acme;
    private Client globex;

    @BeforeEach
    void seed() {
        server.createClient("Acme", "acme");
        server.createClient("Globex", "globex");
        acme = server.core.clients.find(server.msp.id(), Slug.of("acme")).orElseThrow();
        globex = server.core.clients.find(server.msp.id(), Slug.of("globex")).orElseThrow();
        append(acme, 0, "T-1", "m365:get-user", ActivityOutcome.OK, Map.of("user", "ann@acme.test"), "found Ann");
        append(acme, 1, "T-1", "m365:reset-password", ActivityOutcome.REFUSED_BY_MODE,
                Map.of("user", "ann@acme.test", "newPassword", "hunter2"), "=HYPERLINK(\"evil\"), refused in plan");
        append(acme, 2, "T-2", null, ActivityOutcome.OK, Map.of(), "Internal note:\nplan, with commas");
        append(globex, 3, "G-9", "m365:get-user", ActivityOutcome.FAILED, Map.of(), "tenant unreachable");
    }

    private void append(Client client, int minute, String ticket, String tool, ActivityOutcome outcome,
                        Map<String, String> arguments, String summary) {
        server.core.activityLog.append(new ActivityEntry(UUID.randomUUID(), client.msp(), client.id(),
                Optional.empty(), Optional.of(ticket), T0.plusSeconds(60L * minute),
                tool == null ? ActivityKind.NOTE : ActivityKind.TOOL_CALL, Optional.ofNullable(tool).map(ToolName::of),
                RedactedArguments.of(arguments), outcome, summary, Duration.ofMillis(120), Optional.empty()));
    }

    @Test
    void listsTheMspsActivityNewestFirstAcrossClients() {
        JsonNode page = parse(server.get("/api/v1/activity"));

        assertThat(page.path("items")).extracting(e -> e.path("ticket").asText())
                .containsExactly("G-9", "T-2", "T-1", "T-1");
        assertThat(page.path("next").isNull()).isTrue();
    }

    @Test
    void filtersByClientTicketToolOutcomeAndTime() {
        assertThat(parse(server.get("/api/v1/clients/acme/activity")).path("items").size()).isEqualTo(3);
        assertThat(parse(server.get("/api/v1/activity?client=globex")).path("items").size()).isEqualTo(1);
        assertThat(parse(server.get("/api/v1/clients/acme/activity?ticket=T-1")).path("items").size()).isEqualTo(2);
        assertThat(parse(server.get("/api/v1/activity?tool=m365:get-user")).path("items").size()).isEqualTo(2);
        assertThat(parse(server.get("/api/v1/activity?outcome=refused_by_mode")).path("items").get(0)
                .path("tool").asText()).isEqualTo("m365:reset-password");
        assertThat(parse(server.get("/api/v1/activity?from=2026-05-01T10:01:00Z&to=2026-05-01T10:03:00Z"))
                .path("items").size()).isEqualTo(2);
    }

    @Test
    void namesTheWorkflowVersionsASessionUsedInTheApiAndOnItsNewestRowOfTheActivityPage() {
        UUID session = UUID.randomUUID();
        for (int minute = 10; minute <= 11; minute++) {
            server.core.activityLog.append(new ActivityEntry(UUID.randomUUID(), acme.msp(), acme.id(),
                    Optional.of(session), Optional.of("T-5"), T0.plusSeconds(60L * minute),
                    minute == 10 ? ActivityKind.REQUEST : ActivityKind.NOTE, Optional.empty(), RedactedArguments.NONE,
                    ActivityOutcome.OK, minute == 10 ? "locked out" : "Steward diagnosis", Duration.ZERO,
                    Optional.empty()));
        }
        AppliedWorkflow lockedOut = new AppliedWorkflow(WorkflowId.builtIn(new WorkflowName("Locked out")),
                new WorkflowName("Locked out"), 1);
        AppliedWorkflow printer = new AppliedWorkflow(new WorkflowId(UUID.randomUUID()), new WorkflowName("Printer"),
                3);
        server.core.workflows.recordUse(server.msp.id(), session, List.of(printer, lockedOut));

        JsonNode page = parse(server.get("/api/v1/clients/acme/activity"));

        JsonNode used = page.path("sessions").path(session.toString());
        assertThat(used).extracting(w -> w.path("name").asText() + " v" + w.path("version").asInt())
                .containsExactly("Locked out v1", "Printer v3");
        assertThat(used.get(1).path("id").asText()).isEqualTo(printer.id().toString());
        assertThat(page.path("sessions").size()).as("sessions that used none are left out").isEqualTo(1);

        String html = server.page("/clients/acme/activity").body();
        assertThat(html).containsOnlyOnce("data-field=\"workflows\">Workflows: Locked out v1, Printer v3</small>");
    }

    @Test
    void pagesWithTheNextCursor() {
        JsonNode first = parse(server.get("/api/v1/activity?limit=3"));
        assertThat(first.path("items").size()).isEqualTo(3);

        JsonNode second = parse(server.get("/api/v1/activity?limit=3&before=" + first.path("next").asText()));
        assertThat(second.path("items")).extracting(e -> e.path("summary").asText()).containsExactly("found Ann");
        assertThat(second.path("next").isNull()).isTrue();
    }

    @Test
    void neverShowsASecretArgument() {
        HttpResponse<String> response = server.get("/api/v1/activity?outcome=refused_by_mode");

        assertThat(response.body()).doesNotContain("hunter2");
        assertThat(parse(response).path("items").get(0).path("arguments").path("newPassword").asText())
                .isEqualTo(RedactedArguments.MASK);
    }

    @Test
    void namesEveryMalformedFilter() {
        HttpResponse<String> response = server.get("/api/v1/activity?outcome=meh&tool=NOT%20A%20TOOL&from=yesterday"
                + "&before=xyz&limit=0");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(parse(response).path("errors")).extracting(e -> e.path("field").asText())
                .containsExactlyInAnyOrder("outcome", "tool", "from", "before", "limit");
    }

    @Test
    void aDeletedClientKeepsItsActivityAndShowsItsDeployStatusAsRemoved() {
        HttpResponse<String> deleted = server.delete("/api/v1/clients/acme", "{\"confirmName\":\"Acme\"}");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(parse(deleted).path("status").asText()).isEqualTo("destroyed");
        assertThat(parse(deleted).path("deployStatus").path("state").asText()).isEqualTo("removed");

        assertThat(parse(server.get("/api/v1/clients/acme/activity")).path("items").size()).isEqualTo(3);
        assertThat(parse(server.get("/api/v1/activity?client=acme")).path("items").size()).isEqualTo(3);
        assertThat(server.get("/api/v1/activity/export?client=acme").body()).contains("T-1");
    }

    @Test
    void answers404ForAnUnknownClient() {
        assertThat(server.get("/api/v1/clients/ghost/activity").statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/activity?client=ghost").statusCode()).isEqualTo(404);
    }

    @Test
    void exportsCsvQuotedAndSafeForSpreadsheets() {
        HttpResponse<String> csv = server.get("/api/v1/activity/export?client=acme");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"activity.csv\"");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", ActivityRoutes.CSV_COLUMNS));
        assertThat(csv.body()).contains("\"Internal note:\nplan, with commas\"")
                .contains("\"'=HYPERLINK(\"\"evil\"\"), refused in plan\"")
                .contains("newPassword=[redacted]").doesNotContain("hunter2").doesNotContain("G-9");
    }

    @Test
    void exportsJsonAndRefusesAnUnknownFormat() {
        HttpResponse<String> json = server.get("/api/v1/activity/export?format=json&ticket=T-1");
        assertThat(parse(json).size()).isEqualTo(2);

        HttpResponse<String> xml = server.get("/api/v1/activity/export?format=xml");
        assertThat(xml.statusCode()).isEqualTo(422);
        assertThat(parse(xml).path("errors").get(0).path("field").asText()).isEqualTo("format");
    }

    @Test
    void showsTheActivityTabEscapedWithFilters() {
        append(acme, 4, "<T>", "m365:get-user", ActivityOutcome.OK, Map.of("q", "<img src=x>"), "<b>note</b>");

        HttpResponse<String> page = server.page("/clients/acme/activity?outcome=ok");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("aria-current=\"page\">Activity</a>")
                .contains("&lt;b&gt;note&lt;/b&gt;").doesNotContain("<b>note</b>").doesNotContain("<img src=x>")
                .contains("<option value=\"ok\" selected>")
                .contains("/api/v1/activity/export?client=acme&amp;ticket=&amp;tool=&amp;outcome=ok&amp;format=csv")
                .doesNotContain("refused in plan");
        HttpResponse<String> bad = server.page("/clients/acme/activity?tool=BAD");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("<p class=\"field-error\" id=\"tool-error\">")
                .contains("aria-invalid=\"true\"");
    }

    @Test
    void theMspWideActivityPageNamesEachEntrysClientAndFilters() {
        String all = server.page("/activity").body();

        assertThat(all).contains("<h1>Activity</h1>").contains("href=\"/clients/acme/activity\"")
                .contains("href=\"/clients/globex/activity\"").contains("tenant unreachable")
                .contains("aria-current=\"page\">Activity");
        String onlyGlobex = server.page("/activity?client=globex").body();
        assertThat(onlyGlobex).contains("tenant unreachable").doesNotContain("found Ann");

        HttpResponse<String> unknown = server.page("/activity?client=initech");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("id=\"client-error\"");
    }
}
