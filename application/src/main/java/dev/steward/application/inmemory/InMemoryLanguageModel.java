package dev.steward.application.inmemory;

import dev.steward.application.port.reasoning.LanguageModel;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A language model in memory, for tests and embedders: {@code answers} gives the answer to each request (as it
 * arrives, with the configured model put in). Keeps every request it got. It checks JSON only as far as a test needs:
 * the request must be one object.
 */
public final class InMemoryLanguageModel implements LanguageModel {

    private static final Pattern MODEL = Pattern.compile("\"model\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"");

    private final String model;
    private final Function<String, ModelAnswer> answers;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    public InMemoryLanguageModel(String model, Function<String, ModelAnswer> answers) {
        this.model = model;
        this.answers = answers;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public ModelAnswer complete(String request) {
        String body = request == null ? "" : request.strip();
        if (!body.startsWith("{") || !body.endsWith("}")) {
            throw new InvalidCommand(List.of(new FieldViolation("body", "body.not-json",
                    "must be a chat-completions request: one JSON object")));
        }
        String named = "\"model\":\"" + model.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        Matcher existing = MODEL.matcher(body);
        String sent = existing.find() ? existing.replaceFirst(Matcher.quoteReplacement(named))
                : "{" + named + (body.length() > 2 ? "," : "") + body.substring(1);
        requests.add(sent);
        return answers.apply(sent);
    }

    /** Every request as the model got it, oldest first. */
    public List<String> requests() {
        return List.copyOf(requests);
    }
}
