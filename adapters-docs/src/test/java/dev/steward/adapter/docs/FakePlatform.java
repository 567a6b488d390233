package dev.steward.adapter.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What both documentation stubs share: the {@code x-api-key} check (401 in the platform's error shape), every request
 * recorded with its decoded query and the key it carried, 429 injection with or without {@code Retry-After}, and
 * a mode in which the platform ignores the company filter (as a misconfigured or older server might), to prove the
 * adapter's own company check.
 */
public abstract class FakePlatform implements ResponseDefinitionTransformerV2 {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the stub saw it. */
    public record Recorded(String method, String path, Map<String, String> query, String apiKey) {
    }

    private final String apiKey;
    private final String prefix;
    private final List<Recorded> requests = new ArrayList<>();
    private int throttled;
    private Integer retryAfter;
    private boolean ignoreCompanyFilter;
    private long nextId = 100;

    /** @param prefix the path the stub is mounted under, e.g. {@code /hudu}; routes see the path after it */
    FakePlatform(String apiKey, String prefix) {
        this.apiKey = apiKey;
        this.prefix = prefix;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    /** The next {@code count} calls get 429, with {@code Retry-After: seconds} unless it is null. */
    synchronized void throttle(int count, Integer seconds) {
        throttled = count;
        retryAfter = seconds;
    }

    /** From now on the lists answer every company's records whatever filter the request carries. */
    synchronized void ignoreCompanyFilter() {
        ignoreCompanyFilter = true;
    }

    synchronized boolean ignoresCompanyFilter() {
        return ignoreCompanyFilter;
    }

    public synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    synchronized void reset() {
        requests.clear();
        throttled = 0;
        retryAfter = null;
        ignoreCompanyFilter = false;
        clearData();
    }

    synchronized long newId() {
        return nextId++;
    }

    abstract void clearData();

    abstract ResponseDefinition error(int status, String title);

    abstract ResponseDefinition route(String path, Map<String, String> query);

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        synchronized (this) {
            URI uri = URI.create(request.getAbsoluteUrl());
            String path = URLDecoder.decode(uri.getRawPath(), StandardCharsets.UTF_8);
            path = path.startsWith(prefix + "/") ? path.substring(prefix.length()) : path;
            Map<String, String> query = query(uri.getRawQuery());
            String key = request.getHeader("x-api-key");
            requests.add(new Recorded(request.getMethod().getName(), path, query, key));
            if (!apiKey.equals(key)) {
                return error(401, "Unauthorized: invalid API key");
            }
            if (throttled > 0) {
                throttled--;
                ResponseDefinition throttle = error(429, "Retry later");
                return retryAfter == null ? throttle : ResponseDefinitionBuilder.like(throttle)
                        .withHeader("Retry-After", retryAfter.toString()).build();
            }
            if (!request.getMethod().getName().equals("GET")) {
                return error(405, "only GET is stubbed");
            }
            return route(path, query);
        }
    }

    static ResponseDefinition json(int status, JsonNode body, String contentType) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", contentType).withBody(body.toString()).build();
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static int number(Map<String, String> query, String key, int fallback) {
        String value = query.get(key);
        return value == null ? fallback : Integer.parseInt(value);
    }

    static boolean contains(String text, String part) {
        return part == null || part.isBlank() || text.toLowerCase().contains(part.toLowerCase());
    }

    static <T> List<T> page(List<T> all, int page, int size) {
        int from = Math.min(all.size(), (page - 1) * size);
        return all.subList(from, Math.min(all.size(), from + size));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                query.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }
}
