package dev.steward.adapter.web.dashboard;

import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.adapter.web.ServerPerTest;
import dev.steward.adapter.web.TestServer;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.Slug;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DashboardTest extends ServerPerTest {

    private static final String XSS = "<script>alert(1)</script>";
    private HttpResponse<String> createViaForm(String name, String slug) {
        return server.form("/clients", Map.of("name", name, "slug", slug));
    }

    private static void assertHtml(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'").doesNotContain("unsafe-inline");
    }

    @Nested
    class Escaping {

        @Test
        void escapesAClientNamedLikeAScriptEverywhereItIsShown() {
            server.createClient(XSS, "xss");
            server.put("/api/v1/clients/xss/prompt", TestServer.json(Map.of("prompt",
                    "<b>bold</b><img src=x onerror=alert(2)>\"'&")));

            for (String path : new String[] {"/clients", "/clients/xss", "/clients/xss/prompt"}) {
                HttpResponse<String> page = server.page(path);
                assertHtml(page, 200);
                assertThat(page.body()).as(path).doesNotContain(XSS).doesNotContain("<img src=x")
                        .doesNotContain("<b>bold</b>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
            }
            assertThat(server.page("/clients/xss/prompt").body())
                    .contains("&lt;b&gt;bold&lt;/b&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;");
        }

        @Test
        void escapesRejectedInputEchoedBackIntoTheForm() {
            HttpResponse<String> response = createViaForm("Fine", "\"><script>alert(3)</script>");

            assertHtml(response, 422);
            assertThat(response.body()).doesNotContain("<script>alert(3)")
                    .contains("value=\"&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;\"");
        }

        @Test
        void escapesSearchTextInTheFilterAndTheRefreshUrl() {
            HttpResponse<String> response = server.page("/clients?search=%22%3E%3Cscript%3Ealert(4)%3C/script%3E");

            assertHtml(response, 200);
            assertThat(response.body()).doesNotContain("<script>alert(4)");
        }
    }

    @Nested
    class ClientsList {

        @Test
        void listsClientsWithStatusAndDeployBadges() {
            server.createClient("Acme Corp", "acme");

            HttpResponse<String> page = server.page("/clients");

            assertHtml(page, 200);
            assertThat(page.body()).contains("<tr data-client=\"acme\">")
                    .contains("<a href=\"/clients/acme\">Acme Corp</a>")
                    .contains("<span class=\"badge status-creating\" data-field=\"status\">creating</span>")
                    .contains("<span class=\"badge deploy-deploying\" data-field=\"deploy\">deploying</span>")
                    .contains("data-refresh=\"/api/v1/clients?search=&amp;status=&amp;after=&amp;limit=50\"");
        }

        @Test
        void labelsEveryFormControl() {
            String body = server.page("/clients").body();

            for (String id : new String[] {"search", "status-filter", "name", "slug"}) {
                assertThat(body).contains("<label for=\"" + id + "\">").contains("id=\"" + id + "\"");
            }
            assertThat(body).contains("data-slug-from=\"name\"").contains("pattern=\"" + ClientPages.SLUG_PATTERN);
        }

        @Test
        void createsAClientAndRedirectsToIt() {
            HttpResponse<String> response = createViaForm("Globex", "globex");

            assertThat(response.statusCode()).isEqualTo(303);
            assertThat(response.headers().firstValue("Location")).hasValue("/clients/globex");
            assertThat(server.get("/api/v1/clients/globex").statusCode()).isEqualTo(200);
        }

        @Test
        void showsTheServersErrorOnTheSlugFieldAndKeepsTheInput() {
            server.createClient("Taken", "taken");

            HttpResponse<String> response = createViaForm("Another", "taken");

            assertHtml(response, 409);
            assertThat(response.body())
                    .contains("aria-describedby=\"slug-help slug-error\" aria-invalid=\"true\"")
                    .contains("<p class=\"field-error\" id=\"slug-error\">slug &#39;taken&#39; is already used")
                    .contains("value=\"Another\"");
        }

        @Test
        void showsEveryInvalidFieldAtOnce() {
            HttpResponse<String> response = createViaForm("", "Bad Slug");

            assertHtml(response, 422);
            assertThat(response.body()).contains("id=\"name-error\"").contains("id=\"slug-error\"")
                    .contains("uppercase &#39;B&#39; at position 1");
        }
    }

    @Nested
    class ClientDetail {

        @Test
        void showsStatusDeployErrorUnderTheBadgeAndModeButtons() {
            server.createClient("Initech", "initech");
            Client stored = server.core.clients.find(server.msp.id(), Slug.of("initech")).orElseThrow();
            server.core.clients.update(stored.movedTo(AgentStatus.ERROR, "image pull <denied>", Instant.now()));

            HttpResponse<String> page = server.page("/clients/initech");

            assertHtml(page, 200);
            assertThat(page.body())
                    .contains("data-refresh=\"/api/v1/clients/initech\"")
                    .contains("<section data-client=\"initech\"")
                    .contains("<span class=\"badge status-error\" data-field=\"status\">error</span>")
                    .contains("<span class=\"badge deploy-error\" data-field=\"deploy\">error</span>"
                            + "<span class=\"deploy-error\" data-field=\"deploy-message\">image pull &lt;denied&gt;</span>")
                    .contains("name=\"mode\" value=\"inherit\" aria-pressed=\"true\"")
                    .contains("name=\"mode\" value=\"plan\" aria-pressed=\"false\"")
                    .contains("<strong data-field=\"effective-mode\">plan</strong>")
                    .contains("Retry now")
                    .contains("<label for=\"confirmName\">Client name</label>");
            assertThat(page.body().indexOf("Delete client</button>")).isGreaterThan(page.body().indexOf("Operating mode"));
        }

        @Test
        void changesTheModeWithAButton() {
            server.createClient("Initech", "initech");

            HttpResponse<String> response = server.form("/clients/initech/mode", Map.of("mode", "execute",
                    "version", "1"));

            assertThat(response.statusCode()).isEqualTo(303);
            assertThat(response.headers().firstValue("Location")).hasValue("/clients/initech");
            assertThat(server.page("/clients/initech").body())
                    .contains("name=\"mode\" value=\"execute\" aria-pressed=\"true\"")
                    .contains("<strong data-field=\"effective-mode\">execute</strong>");
        }

        @Test
        void refusesAModeChangeBasedOnAStalePage() {
            server.createClient("Initech", "initech");
            server.form("/clients/initech/mode", Map.of("mode", "execute", "version", "1"));

            HttpResponse<String> stale = server.form("/clients/initech/mode", Map.of("mode", "plan", "version", "1"));

            assertHtml(stale, 409);
            assertThat(stale.body()).contains("role=\"alert\"").contains("changed by someone else");
        }

        @Test
        void refusesAWrongTypedNameWithTheErrorOnTheFieldAndDeletesWithTheRightOne() {
            server.createClient("Umbrella", "umbrella");

            HttpResponse<String> wrong = server.form("/clients/umbrella/delete", Map.of("confirmName", "umbrella"));
            assertHtml(wrong, 422);
            assertThat(wrong.body()).contains("id=\"confirmName-error\"").contains("aria-invalid=\"true\"");
            assertThat(parse(server.get("/api/v1/clients/umbrella")).path("status").asText()).isEqualTo("creating");

            HttpResponse<String> right = server.form("/clients/umbrella/delete", Map.of("confirmName", "Umbrella"));
            assertThat(right.statusCode()).isEqualTo(303);
            assertThat(right.headers().firstValue("Location")).hasValue("/clients");
            assertThat(parse(server.get("/api/v1/clients/umbrella")).path("status").asText()).isEqualTo("destroyed");
            assertThat(server.page("/clients/umbrella").body()).contains("This client was deleted")
                    .doesNotContain("Delete client</button>");
        }

        @Test
        void savesThePromptAndShowsTheComposedPreview() {
            server.createClient("Hooli", "hooli");
            server.form("/settings/prompt", Map.of("prompt", "MSP rule one.", "version", ""));

            String version = parse(server.get("/api/v1/clients/hooli")).path("version").asText();

            HttpResponse<String> saved = server.form("/clients/hooli/prompt", Map.of("prompt", "Hooli uses Okta.",
                    "version", version));

            assertThat(saved.statusCode()).isEqualTo(303);
            String page = server.page("/clients/hooli/prompt").body();
            assertThat(page).contains(">\nHooli uses Okta.</textarea>").contains("<pre class=\"preview\"")
                    .contains("MSP rule one.").contains("aria-current=\"page\">Prompt</a>");
        }

        @Test
        void showsAnHtmlErrorPageForAnUnknownClient() {
            HttpResponse<String> page = server.page("/clients/nobody");

            assertHtml(page, 404);
            assertThat(page.body()).contains("<h1>Not found</h1>");
        }
    }

    @Nested
    class Settings {

        @Test
        void changesTheDefaultModeAndRefusesInherit() {
            HttpResponse<String> changed = server.form("/settings/default-mode", Map.of("defaultMode", "execute"));
            assertThat(changed.statusCode()).isEqualTo(303);
            assertThat(server.page("/settings").body()).contains("value=\"execute\" checked");

            HttpResponse<String> refused = server.form("/settings/default-mode", Map.of("defaultMode", "inherit"));
            assertHtml(refused, 422);
            assertThat(refused.body()).contains("role=\"alert\"").contains("cannot be inherit");
        }
    }

    @Test
    void servesTheScriptAndStylesheetWithTags() {
        HttpResponse<String> js = server.get("/assets/dashboard.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.body()).contains("visibilityState").contains("5000").doesNotContain("innerHTML");
        String etag = js.headers().firstValue("ETag").orElseThrow();
        assertThat(server.get("/assets/dashboard.js", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(server.get("/assets/dashboard.css").body()).contains("max-width: 640px");
    }

    @Test
    void redirectsTheRootToTheClients() {
        HttpResponse<String> root = server.page("/");
        assertThat(root.statusCode()).isEqualTo(303);
        assertThat(root.headers().firstValue("Location")).hasValue("/clients");
    }
}
