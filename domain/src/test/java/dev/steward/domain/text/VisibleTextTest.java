package dev.steward.domain.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.client.ClientName;
import dev.steward.domain.msp.MspName;
import dev.steward.domain.problem.InvalidValue;
import dev.steward.domain.user.ApiToken;
import dev.steward.domain.user.EmailAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The review's reproduction: a client named {@code "Acme\u202Eevil"} (right-to-left override) was stored and shown,
 * reading as another name. Every kind of name refuses such characters, naming the field.
 */
class VisibleTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"\u202E", "\u202A", "\u202D", "\u2066", "\u2067", "\u2068", "\u2069", "\u200B",
            "\u200D", "\u200E", "\u200F", "\uFEFF", "\u00AD", "\u2060", "\u2028", "\u2029", "\u0000", "\u001B",
            "\u007F", "\u0085"})
    void refusesControlAndInvisibleFormattingCharactersInEveryKindOfName(String hidden) {
        String name = "Acme" + hidden + "Corp";
        assertRefused("name", () -> new ClientName(name));
        assertRefused("mspName", () -> new MspName(name));
        assertRefused("name", () -> ApiToken.checkedName(name));
        assertRefused("email", () -> new EmailAddress("ann" + hidden + "@msp.example"));
    }

    @Test
    void namesTheCodePointAndItsPosition() {
        assertThatThrownBy(() -> VisibleText.require("name", "Ac\u202Eme"))
                .isInstanceOfSatisfying(InvalidValue.class, e -> {
                    assertThat(e.code()).isEqualTo("name.invisible-character");
                    assertThat(e.rule()).contains("U+202E").contains("position 3");
                });
    }

    @Test
    void keepsVisibleTextOfAnyScript() {
        for (String name : new String[] {"Ærø Bygg AS", "株式会社テスト", "شركة الاختبار", "Café – Zürich", "O'Brien & Co.",
                "💻 team"}) {
            VisibleText.require("name", name);
            assertThat(new ClientName(name).value()).isEqualTo(name);
        }
    }

    private static void assertRefused(String field, Runnable build) {
        assertThatThrownBy(build::run).isInstanceOfSatisfying(InvalidValue.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
