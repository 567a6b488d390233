package dev.steward.adapter.psa.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Base of the stateful PSA stubs: a WireMock transformer that answers every request from an in-memory model of the
 * vendor's API (the shapes in THIRD-PARTY-APIS.md), so tickets and notes written through an adapter can be read
 * back. Failure cases are injected by the tests as ordinary WireMock stubs with a higher priority.
 */
public abstract class FakePsaApi implements ResponseDefinitionTransformerV2 {

    /** Every request the fake answered, for assertions on headers, flags and bodies. */
    private final List<Request> requests = new ArrayList<>();

    @Override
    public final ResponseDefinition transform(ServeEvent serveEvent) {
        return respond(serveEvent.getRequest());
    }

    /** Answers one request as {@link #transform} does: for a harness that serves the fake behind its own transformer. */
    public final synchronized ResponseDefinition respond(Request request) {
        requests.add(request);
        return answer(request);
    }

    protected abstract ResponseDefinition answer(Request request);

    /** A ticket in the fake, as the test describes it; its id. */
    public abstract String seed(dev.steward.application.port.psa.TicketSystemContract.TicketSeed ticket);

    /** A contact (Halo: user) of {@code company} in the fake; its id. */
    public abstract String seedContact(String company, String first, String last, String email, boolean active);

    @Override
    public boolean applyGlobally() {
        return false;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    protected static ResponseDefinition json(int status, Object body, HttpHeader... headers) {
        return new ResponseDefinitionBuilder().withStatus(status)
                .withHeaders(new HttpHeaders(headers).plus(new HttpHeader("Content-Type", "application/json")))
                .withBody(body instanceof String s ? s : Json.write(body)).build();
    }

    protected static JsonNode body(Request request) {
        try {
            return Json.MAPPER.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new IllegalArgumentException("request body is not JSON: " + request.getBodyAsString(), e);
        }
    }

    protected static Optional<String> query(Request request, String name) {
        QueryParameter parameter = request.queryParameter(name);
        return parameter.isPresent() ? Optional.of(parameter.firstValue()) : Optional.empty();
    }

    /** The path without the query. */
    protected static String path(Request request) {
        String url = request.getUrl();
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
