package dev.steward.adapter.llm;

/**
 * The model API's key. Its {@link #toString()} never shows the value, and {@link #scrub} takes it out of any text
 * that came back from the server (some servers echo part or all of a rejected key in their error message).
 */
public final class ApiKey {

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /** @throws IllegalArgumentException naming {@code field} when the value is blank or spans lines */
    public static ApiKey of(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        String key = value.strip();
        if (key.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(field + " must be one token without spaces or line breaks");
        }
        return new ApiKey(key);
    }

    /** The clear value, for the one place that puts it in a header. */
    String reveal() {
        return value;
    }

    /** {@code text} with every occurrence of the key replaced. */
    String scrub(String text) {
        return text == null ? "" : text.replace(value, "[api key]");
    }

    @Override
    public String toString() {
        return "[api key]";
    }
}
