package dev.steward.domain.workflow;

import dev.steward.domain.problem.InvalidValue;
import dev.steward.domain.text.VisibleText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * When a workflow applies: one sentence of at most 300 characters, already trimmed, e.g.
 * {@code A user says they are "locked out" or "can't sign in".} A model-based reasoner reads the whole sentence. The
 * phrases in double quotes ({@code "…"} or {@code “…”}) are what the runbook reasoner, which has no model, looks for
 * in a request: each as whole words (so "mfa" matches "MFA prompt" but not "comfaxx"), ignoring case, with any run
 * of blanks matching any other and a typographic apostrophe matching a straight one. A trigger without quoted
 * phrases is valid but only a model can match it.
 */
public final class Trigger {

    public static final int MAX_LENGTH = 300;

    /** Not a letter, digit or underscore: what must surround a phrase for it to be whole words. */
    private static final String EDGE = "[\\p{L}\\p{N}_]";

    private final String sentence;
    private final List<String> phrases;
    private final List<Pattern> patterns;

    public Trigger(String sentence) {
        if (sentence == null || sentence.isBlank()) {
            throw InvalidValue.of("trigger", "required", "is required");
        }
        if (!sentence.equals(sentence.strip())) {
            throw InvalidValue.of("trigger", "untrimmed", "must not start or end with blanks");
        }
        if (sentence.length() > MAX_LENGTH || sentence.contains("\n") || sentence.contains("\r")) {
            throw InvalidValue.of("trigger", "not-one-sentence", "must be one sentence of at most 300 characters");
        }
        VisibleText.require("trigger", sentence);
        this.sentence = sentence;
        this.phrases = quoted(sentence);
        this.patterns = phrases.stream().map(Trigger::pattern).toList();
    }

    /** Trims the raw input (the visible normalisation at the edge) and validates it. */
    public static Trigger trimmed(String raw) {
        return new Trigger(raw == null ? null : raw.strip());
    }

    /**
     * A trigger for the given phrases, as written when runbooks (which only had phrases) became workflows:
     * {@code The request mentions "a", "b" or "c".}
     */
    public static Trigger mentioning(List<String> phrases) {
        if (phrases.isEmpty()) {
            throw InvalidValue.of("trigger", "required", "is required");
        }
        StringBuilder out = new StringBuilder("The request mentions ");
        for (int i = 0; i < phrases.size(); i++) {
            if (i > 0) {
                out.append(i == phrases.size() - 1 ? " or " : ", ");
            }
            out.append('"').append(phrases.get(i)).append('"');
        }
        return new Trigger(out.append('.').toString());
    }

    public String sentence() {
        return sentence;
    }

    /** The quoted phrases, in the order written. */
    public List<String> phrases() {
        return phrases;
    }

    /** Whether any phrase occurs in {@code text} as whole words. */
    public boolean matches(String text) {
        return matchingPhrase(text).isPresent();
    }

    /** The first phrase (in the order written) that occurs in {@code text} as whole words. */
    public Optional<String> matchingPhrase(String text) {
        String normalised = apostrophes(text);
        for (int i = 0; i < phrases.size(); i++) {
            if (patterns.get(i).matcher(normalised).find()) {
                return Optional.of(phrases.get(i));
            }
        }
        return Optional.empty();
    }

    private static List<String> quoted(String sentence) {
        List<String> found = new ArrayList<>();
        int i = 0;
        while (i < sentence.length()) {
            char c = sentence.charAt(i);
            if (c == '"' || c == '“' || c == '”') {
                int end = closing(sentence, i + 1);
                if (end < 0) {
                    throw InvalidValue.of("trigger", "unclosed-quote", "opens a quote at position " + (i + 1)
                            + " that it never closes");
                }
                String phrase = sentence.substring(i + 1, end).strip();
                if (phrase.isEmpty() || !phrase.codePoints().anyMatch(Character::isLetterOrDigit)) {
                    throw InvalidValue.of("trigger", "empty-phrase", "quotes a phrase without letters or digits at "
                            + "position " + (i + 1));
                }
                if (found.stream().noneMatch(phrase::equalsIgnoreCase)) {
                    found.add(phrase);
                }
                i = end + 1;
            } else {
                i++;
            }
        }
        return List.copyOf(found);
    }

    private static int closing(String sentence, int from) {
        for (int i = from; i < sentence.length(); i++) {
            char c = sentence.charAt(i);
            if (c == '"' || c == '”' || c == '“') {
                return i;
            }
        }
        return -1;
    }

    private static Pattern pattern(String phrase) {
        List<String> words = List.of(apostrophes(phrase).trim().split("\\s+"));
        StringBuilder regex = new StringBuilder("(?<!").append(EDGE).append(')');
        for (int i = 0; i < words.size(); i++) {
            regex.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words.get(i)));
        }
        regex.append("(?!").append(EDGE).append(')');
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String apostrophes(String text) {
        return text.replace('’', '\'').replace('‘', '\'');
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Trigger t && t.sentence.equals(sentence);
    }

    @Override
    public int hashCode() {
        return sentence.hashCode();
    }

    @Override
    public String toString() {
        return sentence;
    }
}
