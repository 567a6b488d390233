package dev.steward.adapter.web.dashboard;

import dev.steward.application.workflow.WorkflowContent;
import dev.steward.domain.workflow.WorkflowSteps;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A workflow's structured steps on its page, as rows a person edits: each check a tool and its arguments, each planned
 * action a tool, its arguments and why; arguments one {@code name=value} per line. The form always ends with one empty
 * row of each kind to add a step; a row left (or made) empty is no step, so emptying a row removes its step.
 *
 * <p>Rows are numbered as shown ({@code checks[2].tool}); the use case numbers only the steps it is given, so its
 * errors are renamed back to the rows they came from. A line that is not {@code name=value} is refused on its row's
 * arguments field, and that row goes to the use case with an argument it refuses, so nothing is stored while any row is
 * wrong and every other field's error is shown at the same time.
 */
record WorkflowStepForm(List<Row> checks, List<Row> actions) {

    /** The hidden field that says the form carries steps (a post without it leaves the stored steps as they are). */
    static final String MARKER = "steps";
    /** No steps: a workflow of a trigger and instructions only. */
    static final WorkflowStepForm NONE = new WorkflowStepForm(List.of(), List.of());
    private static final int MAX_ROWS = 50;

    /** One step as typed; {@code reason} is empty for a check. */
    record Row(String tool, String arguments, String reason) {
        static final Row EMPTY = new Row("", "", "");

        boolean isEmpty() {
            return tool.isBlank() && arguments.isBlank() && reason.isBlank();
        }
    }

    /** The steps as the use case takes them, and how to show its errors on the rows. */
    record Submitted(List<WorkflowContent.Check> checks, List<WorkflowContent.Action> actions,
                     Map<String, String> rowOf, Map<String, String> lineErrors) {

        /** {@code checks[1].tool} of the use case (the second step given) as the row it came from. */
        String rowField(String field) {
            for (Map.Entry<String, String> step : rowOf.entrySet()) {
                if (field.equals(step.getKey()) || field.startsWith(step.getKey() + ".")) {
                    return step.getValue() + field.substring(step.getKey().length());
                }
            }
            return field;
        }

        /** The use case's errors on their rows, a malformed line's error in place of the refused argument's. */
        FormErrors shownOnRows(FormErrors errors) {
            Map<String, String> byField = new LinkedHashMap<>();
            errors.byField().forEach((field, message) -> byField.merge(rowField(field), message,
                    (a, b) -> a + "; " + b));
            lineErrors.forEach((field, message) -> {
                byField.keySet().removeIf(f -> f.startsWith(field));
                byField.put(field, message);
            });
            return new FormErrors(byField, errors.general());
        }
    }

    static WorkflowStepForm of(WorkflowSteps steps) {
        return new WorkflowStepForm(
                steps.checks().stream().map(c -> new Row(c.tool().value(), lines(c.arguments()), "")).toList(),
                steps.actions().stream().map(a -> new Row(a.tool().value(), lines(a.arguments()), a.reason()))
                        .toList());
    }

    /** The rows of a submitted form, or empty when it carries no steps. */
    static Optional<WorkflowStepForm> read(Context ctx) {
        if (ctx.formParam(MARKER) == null) {
            return Optional.empty();
        }
        return Optional.of(new WorkflowStepForm(rows(ctx, "checks"), rows(ctx, "actions")));
    }

    private static List<Row> rows(Context ctx, String kind) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS && ctx.formParam(kind + "[" + i + "].tool") != null; i++) {
            String prefix = kind + "[" + i + "].";
            Row row = new Row(Forms.orEmpty(ctx.formParam(prefix + "tool")),
                    Forms.orEmpty(ctx.formParam(prefix + "arguments")), Forms.orEmpty(ctx.formParam(prefix + "reason")));
            rows.add(row);
        }
        return rows;
    }

    /** The rows shown: these steps, then one empty row of each kind to add one. */
    WorkflowStepForm withEmptyRows() {
        List<Row> shownChecks = new ArrayList<>(checks.stream().filter(r -> !r.isEmpty()).toList());
        List<Row> shownActions = new ArrayList<>(actions.stream().filter(r -> !r.isEmpty()).toList());
        shownChecks.add(Row.EMPTY);
        shownActions.add(Row.EMPTY);
        return new WorkflowStepForm(shownChecks, shownActions);
    }

    Submitted submitted() {
        Map<String, String> rowOf = new HashMap<>();
        Map<String, String> lineErrors = new LinkedHashMap<>();
        List<WorkflowContent.Check> givenChecks = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            Row row = checks.get(i);
            if (!row.isEmpty()) {
                rowOf.put("checks[" + givenChecks.size() + "]", "checks[" + i + "]");
                givenChecks.add(new WorkflowContent.Check(row.tool().strip(), arguments(row, "checks[" + i + "]",
                        lineErrors)));
            }
        }
        List<WorkflowContent.Action> givenActions = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            Row row = actions.get(i);
            if (!row.isEmpty()) {
                rowOf.put("actions[" + givenActions.size() + "]", "actions[" + i + "]");
                givenActions.add(new WorkflowContent.Action(row.tool().strip(), arguments(row, "actions[" + i + "]",
                        lineErrors), row.reason()));
            }
        }
        return new Submitted(givenChecks, givenActions, rowOf, lineErrors);
    }

    /**
     * {@code name=value} lines as arguments (blank lines skipped; the name trimmed, the value as typed after the first
     * {@code =}). A line that is not one records its error and gives an argument without a value, which the use case
     * refuses, so nothing is stored.
     */
    private static Map<String, String> arguments(Row row, String field, Map<String, String> lineErrors) {
        Map<String, String> arguments = new LinkedHashMap<>();
        String[] lines = row.arguments().split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            String name = equals < 0 ? "" : line.substring(0, equals).strip();
            String problem = equals < 0 ? "is not name=value" : name.isEmpty() ? "has no name before '='"
                    : arguments.containsKey(name) ? "names " + name + " a second time" : null;
            if (problem != null) {
                lineErrors.putIfAbsent(field + ".arguments", "line " + (n + 1) + " " + problem);
                arguments.put("line " + (n + 1), null);
                continue;
            }
            arguments.put(name, line.substring(equals + 1));
        }
        return arguments;
    }

    private static String lines(Map<String, String> arguments) {
        return new TreeMap<>(arguments).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
    }

    /** The fields these rows show, so that an error on one of them is not repeated in the form's alert. */
    List<String> fields(FormErrors errors) {
        return errors.byField().keySet().stream().filter(f -> f.startsWith("checks[") || f.startsWith("actions["))
                .toList();
    }

    /** The two tables of rows, each field with its error under it. */
    Html render(FormErrors errors) {
        return Html.of("""
                <input type="hidden" name="%s" value="edited">
                <fieldset class="steps">
                <legend>Checks (read-only tools the runbook reasoner runs first)</legend>
                <p class="help">One argument per line as <code>name=value</code>; values may use the placeholders \
                <code>{requester}</code>, <code>{ticket}</code>, <code>{named_user}</code> and the like. Empty a row \
                to remove its step.</p>
                %s</fieldset>
                <fieldset class="steps">
                <legend>Planned actions (proposed, run only as the mode and policies allow)</legend>
                %s</fieldset>
                """, MARKER, Html.each(indexed(checks), r -> row("checks", r.index(), r.row(), false, errors)),
                Html.each(indexed(actions), r -> row("actions", r.index(), r.row(), true, errors)));
    }

    private record Indexed(int index, Row row) {}

    private static List<Indexed> indexed(List<Row> rows) {
        return java.util.stream.IntStream.range(0, rows.size()).mapToObj(i -> new Indexed(i, rows.get(i))).toList();
    }

    private static Html row(String kind, int index, Row row, boolean withReason, FormErrors errors) {
        String label = (kind.equals("checks") ? "Check " : "Action ") + (index + 1);
        return Html.of("""
                <div class="step" data-step="%s-%s">
                <p class="step-label">%s</p>
                %s%s%s</div>
                """, kind, index, label,
                input(kind, index, "tool", "Tool", row.tool(), errors, false),
                input(kind, index, "arguments", "Arguments", row.arguments(), errors, true),
                withReason ? input(kind, index, "reason", "Why", row.reason(), errors, false) : Html.EMPTY);
    }

    private static Html input(String kind, int index, String part, String label, String value, FormErrors errors,
                              boolean multiline) {
        String name = kind + "[" + index + "]." + part;
        String id = kind + "-" + index + "-" + part;
        // an argument's own error (checks[0].arguments.user) shows under the arguments field
        Optional<String> error = errors.byField().entrySet().stream()
                .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "."))
                .map(Map.Entry::getValue).reduce((a, b) -> a + "; " + b);
        Html invalid = error.isPresent() ? Html.of(" aria-invalid=\"true\" aria-describedby=\"%s-error\"", id)
                : Html.EMPTY;
        Html field = multiline
                ? Html.of("<textarea id=\"%s\" name=\"%s\" rows=\"2\" spellcheck=\"false\"%s>\n%s</textarea>", id, name,
                        invalid, value)
                : Html.of("<input id=\"%s\" name=\"%s\" value=\"%s\" maxlength=\"500\" spellcheck=\"false\" "
                        + "autocomplete=\"off\"%s>", id, name, value, invalid);
        return Html.of("""
                <div class="field"><label for="%s">%s</label>
                %s
                %s</div>
                """, id, label, field, error.map(e -> Html.of("<p class=\"field-error\" id=\"%s-error\">%s</p>\n", id,
                e)).orElse(Html.EMPTY));
    }
}
