package dev.steward.domain.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.problem.InvalidValue;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TriggerTest {

    /** trigger, request text, the phrase found (null: no match). */
    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("A user is \"locked out\".", "I am locked out of Outlook", "locked out"),
                Arguments.of("A user is \"locked out\".", "LOCKED OUT again!", "locked out"),
                Arguments.of("A user is \"locked out\".", "I'm locked\n   out", "locked out"),
                Arguments.of("A user is \"locked out\".", "the door was unlocked out of hours", null),
                Arguments.of("Someone mentions \"MFA\".", "My MFA prompt never comes", "MFA"),
                Arguments.of("Someone mentions \"MFA\".", "see the comfaxx report", null),
                Arguments.of("Someone mentions \"MFA\".", "mfa_token expired", null),
                Arguments.of("Someone mentions \"MFA\".", "(mfa)", "MFA"),
                Arguments.of("Someone mentions \"2fa\".", "the 2FA code", "2fa"),
                Arguments.of("Someone mentions \"2fa\".", "code 22fa", null),
                Arguments.of("A user \"can't sign in\".", "I can’t sign in since Monday", "can't sign in"),
                Arguments.of("A user \"can't sign in\".", "I cannot sign in", null),
                Arguments.of("A \"password\" expired.", "my passwords are in a notebook", null),
                Arguments.of("A \"password\" expired.", "password.", "password"),
                Arguments.of("A \"sign-in\" is blocked.", "my sign-in is blocked", "sign-in"),
                Arguments.of("A \"sign-in\" is blocked.", "cosign-in", null),
                Arguments.of("A \"Größe\" issue.", "GRÖSSE", null),
                Arguments.of("A \"Straße\" issue.", "die STRASSE", null),
                Arguments.of("An \"Ärger\" issue.", "großer ÄRGER", "Ärger"),
                Arguments.of("They say “new starter” or \"onboard\".", "please onboard Sam", "onboard"),
                Arguments.of("They say “new starter” or \"onboard\".", "a New Starter on Monday", "new starter"),
                Arguments.of("They say \"onboard\" or “new starter”.", "new starter, please onboard", "onboard"),
                Arguments.of("A user is locked out of their account.", "I am locked out", null));
    }

    @ParameterizedTest(name = "[{index}] {0} in \"{1}\" -> {2}")
    @MethodSource("requests")
    void findsAQuotedPhraseAsWholeWordsIgnoringCase(String trigger, String text, String phrase) {
        Trigger parsed = new Trigger(trigger);

        assertThat(parsed.matchingPhrase(text)).isEqualTo(Optional.ofNullable(phrase));
        assertThat(parsed.matches(text)).isEqualTo(phrase != null);
    }

    @Test
    void itsPhrasesAreTheQuotedPartsInOrderOnceEach() {
        assertThat(new Trigger("Says \"locked out\", “can't sign in” or \"Locked Out\".").phrases())
                .containsExactly("locked out", "can't sign in");
        assertThat(new Trigger("A user is locked out of their account.").phrases()).isEmpty();
    }

    @Test
    void aRunbooksPhrasesBecomeOneSentence() {
        assertThat(Trigger.mentioning(List.of("locked out", "can't sign in", "blocked from")).sentence())
                .isEqualTo("The request mentions \"locked out\", \"can't sign in\" or \"blocked from\".");
        assertThat(Trigger.mentioning(List.of("vpn")).phrases()).containsExactly("vpn");
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(null, "trigger.required", "trigger is required"),
                Arguments.of("  ", "trigger.required", "trigger is required"),
                Arguments.of(" A \"vpn\" issue.", "trigger.untrimmed", "trigger must not start or end with blanks"),
                Arguments.of("Locked out.\nReset it.", "trigger.not-one-sentence",
                        "trigger must be one sentence of at most 300 characters"),
                Arguments.of("t".repeat(301), "trigger.not-one-sentence",
                        "trigger must be one sentence of at most 300 characters"),
                Arguments.of("A \"vpn issue.", "trigger.unclosed-quote",
                        "trigger opens a quote at position 3 that it never closes"),
                Arguments.of("An \"  \" issue.", "trigger.empty-phrase",
                        "trigger quotes a phrase without letters or digits at position 4"),
                Arguments.of("A \"vpn\"\u200B issue.", "trigger.invisible-character",
                        "trigger must not contain control or invisible formatting characters (found U+200B at "
                                + "position 8)"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("invalid")
    void refusesWhatIsNotOneSentenceNamingTheField(String trigger, String code, String message) {
        assertThatThrownBy(() -> new Trigger(trigger))
                .isInstanceOfSatisfying(InvalidValue.class, e -> {
                    assertThat(e.field()).isEqualTo("trigger");
                    assertThat(e.code()).isEqualTo(code);
                })
                .hasMessage(message);
    }

    @Test
    void isTrimmedOnlyWhenAskedAndAtMostThreeHundredCharacters() {
        assertThat(Trigger.trimmed("  A \"vpn\" issue. ").sentence()).isEqualTo("A \"vpn\" issue.");
        assertThat(new Trigger("t".repeat(300)).sentence()).hasSize(300);
    }
}
