package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.problem.FieldError;
import dev.steward.adapter.web.problem.Problem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What went wrong with a submitted form: a message per field, and one for the form as a whole. */
record FormErrors(Map<String, String> byField, Optional<String> general) {

    static final FormErrors NONE = new FormErrors(Map.of(), Optional.empty());

    FormErrors {
        byField = Map.copyOf(byField);
    }

    static FormErrors from(Problem problem) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldError error : problem.errors()) {
            fields.merge(error.field(), error.message(), (a, b) -> a + "; " + b);
        }
        return new FormErrors(fields, fields.isEmpty() ? Optional.of(problem.detail()) : Optional.empty());
    }

    Optional<String> on(String field) {
        return Optional.ofNullable(byField.get(field));
    }

    /** A form-level alert for a problem that names no field (or a field this form does not show). */
    Html alert(String... shownFields) {
        Optional<String> message = general.or(() -> byField.entrySet().stream()
                .filter(e -> !java.util.Arrays.asList(shownFields).contains(e.getKey()))
                .map(e -> e.getKey() + " " + e.getValue())
                .findFirst());
        return message.map(m -> Html.of("<p class=\"form-error\" role=\"alert\">%s</p>\n", m)).orElse(Html.EMPTY);
    }
}
