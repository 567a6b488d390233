package dev.steward.domain.integration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "0", "-1.5e+3", "\"a\\\"b\\u00e9\"", "true", "false", "null",
            " {\"a\": [1, {\"b\": null}], \"c\": \"\\n\"} ", "[[[]]]"})
    void acceptsWellFormedJson(String text) {
        assertThat(JsonText.isValid(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "{\"a\"}", "{\"a\":1,}", "[1,]", "01", "1.", "-", "tru", "'a'",
            "\"unterminated", "\"bad \\x escape\"", "{} {}", "{a:1}", "\"tab\there\"", "NaN"})
    void refusesMalformedJson(String text) {
        assertThat(JsonText.isValid(text)).isFalse();
    }

    @Test
    void refusesNestingDeeperThanTheLimitInsteadOfOverflowingTheStack() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThat(JsonText.isValid(deep)).isFalse();
        String fine = "[".repeat(JsonText.MAX_DEPTH) + "]".repeat(JsonText.MAX_DEPTH);
        assertThat(JsonText.isValid(fine)).isTrue();
    }

    @Test
    void tellsObjectsAndNumbersApart() {
        assertThat(JsonText.isObject(" {\"a\":1}")).isTrue();
        assertThat(JsonText.isObject("[1]")).isFalse();
        assertThat(JsonText.isNumber("-0.5")).isTrue();
        assertThat(JsonText.isNumber(" 1")).isFalse();
        assertThat(JsonText.isNumber("\"1\"")).isFalse();
    }

    @Test
    void quotesEveryCharacterJsonNeedsEscaped() {
        assertThat(JsonText.quote("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
        assertThat(JsonText.isValid(JsonText.quote("any \u0000 text \t"))).isTrue();
    }
}
