package dev.steward.adapter.m365;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One answer of Graph after throttling was waited out: the status, the parsed body, and for an error Graph's
 * {@code {"error":{"code","message"}}}.
 */
record GraphResponse(int status, JsonNode body) {

    boolean ok() {
        return status >= 200 && status < 300;
    }

    /** Graph's error code, e.g. {@code Authorization_RequestDenied}; empty for a success. */
    String code() {
        return Json.textOr(body, "", "error", "code");
    }

    /** Graph's error message, shortened; never a request's content (Graph does not echo passwords back). */
    String message() {
        String message = Json.textOr(body, "", "error", "message").strip();
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    /** {@code code: message}, or the bare status when Graph gave no error body. */
    String reason() {
        String code = code();
        String message = message();
        if (code.isEmpty() && message.isEmpty()) {
            return "HTTP " + status;
        }
        return "HTTP " + status + " " + code + (message.isEmpty() ? "" : ": " + message);
    }
}
