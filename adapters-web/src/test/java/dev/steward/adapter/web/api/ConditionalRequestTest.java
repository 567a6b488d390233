package dev.steward.adapter.web.api;

import static dev.steward.adapter.web.TestServer.json;
import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.adapter.web.ServerPerTest;
import dev.steward.adapter.web.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ETag / If-None-Match on the list and the detail, so polling unchanged data costs a 304. */
class ConditionalRequestTest extends ServerPerTest {

    @BeforeEach
    void createAcme() {
        server.createClient("Acme", "acme");
    }

    private static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag"));
    }

    @Test
    void answersAnUnchangedClientWith304AndNoBody() {
        String etag = etag(server.get("/api/v1/clients/acme"));

        HttpResponse<String> again = server.get("/api/v1/clients/acme", "If-None-Match", etag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(etag(again)).isEqualTo(etag);
    }

    @Test
    void answersAChangedClientWith200AndANewTag() {
        String etag = etag(server.get("/api/v1/clients/acme"));
        server.put("/api/v1/clients/acme/mode", json(Map.of("mode", "execute")));

        HttpResponse<String> again = server.get("/api/v1/clients/acme", "If-None-Match", etag);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(etag(again)).isNotEqualTo(etag);
        assertThat(parse(again).path("mode").asText()).isEqualTo("execute");
    }

    @Test
    void changesAnInheritingClientsTagWhenTheMspDefaultChanges() {
        String etag = etag(server.get("/api/v1/clients/acme"));
        server.put("/api/v1/msp", json(Map.of("defaultMode", "execute")));

        HttpResponse<String> again = server.get("/api/v1/clients/acme", "If-None-Match", etag);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(parse(again).path("effectiveMode").asText()).isEqualTo("execute");
    }

    @Test
    void answersAnUnchangedListWith304AndAChangedOneWith200() {
        String etag = etag(server.get("/api/v1/clients"));

        assertThat(server.get("/api/v1/clients", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(server.get("/api/v1/clients", "If-None-Match", "\"other\", " + etag).statusCode()).isEqualTo(304);
        assertThat(server.get("/api/v1/clients?status=active", "If-None-Match", etag).statusCode())
                .as("another filter is another representation").isEqualTo(200);

        server.createClient("Globex", "globex");
        HttpResponse<String> changed = server.get("/api/v1/clients", "If-None-Match", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(parse(changed).path("items").size()).isEqualTo(2);
    }

    /** Nothing of an MSP's data is kept in a browser's or proxy's cache; the dashboard keeps the ETag itself. */
    @Test
    void asksCachesNotToStoreAnswers() {
        assertThat(server.get("/api/v1/clients").headers().firstValue("Cache-Control")).hasValue("no-store");
    }
}
