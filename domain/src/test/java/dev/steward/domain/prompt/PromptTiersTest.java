package dev.steward.domain.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromptTiersTest {

    @Test
    void composesBaseThenMspThenClient() {
        String composed = new PromptTiers(PromptText.of("BASE"), PromptText.of("MSP"), PromptText.of("CLIENT"))
                .compose().text();

        assertThat(composed).isEqualTo("""
                ## Base instructions
                BASE

                ## MSP instructions
                MSP

                ## Client instructions
                CLIENT""");
    }

    @Test
    void leavesOutEmptyAndBlankTiers() {
        assertThat(new PromptTiers(PromptText.of("BASE"), PromptText.EMPTY, PromptText.of("CLIENT")).compose().text())
                .isEqualTo("## Base instructions\nBASE\n\n## Client instructions\nCLIENT");
        assertThat(new PromptTiers(PromptText.of("BASE"), PromptText.of("  \n "), PromptText.EMPTY).compose().text())
                .isEqualTo("## Base instructions\nBASE");
        assertThat(new PromptTiers(PromptText.EMPTY, PromptText.EMPTY, PromptText.of("only me")).compose().text())
                .isEqualTo("## Client instructions\nonly me");
        assertThat(new PromptTiers(PromptText.EMPTY, PromptText.EMPTY, PromptText.EMPTY).compose().text()).isEmpty();
    }

    @Test
    void stripsEachTiersSurroundingBlankLines() {
        assertThat(new PromptTiers(PromptText.EMPTY, PromptText.of("\n\n  Be brief.  \n"), PromptText.EMPTY)
                .compose().text()).isEqualTo("## MSP instructions\nBe brief.");
    }

    @Test
    void alwaysStartsFromStewardsBasePrompt() {
        String composed = PromptTiers.of(PromptText.of("MSP rule"), PromptText.of("Client rule")).compose().text();

        assertThat(composed).startsWith("## Base instructions\n" + PromptTiers.BASE.value().strip());
        assertThat(composed.indexOf("MSP rule")).isGreaterThan(composed.indexOf("helpdesk agent"));
        assertThat(composed.indexOf("Client rule")).isGreaterThan(composed.indexOf("MSP rule"));
        assertThat(PromptTiers.BASE.isBlank()).isFalse();
    }
}
