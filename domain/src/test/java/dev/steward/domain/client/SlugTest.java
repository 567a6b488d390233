package dev.steward.domain.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.steward.domain.client.SlugSamples.Sample;
import dev.steward.domain.problem.InvalidValue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SlugTest {

    static List<Sample> validSlugs() {
        return SlugSamples.valid();
    }

    static List<Sample> invalidSlugs() {
        return SlugSamples.invalid();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validSlugs")
    void acceptsAndKeepsAValidSlugExactlyAsTyped(Sample sample) {
        assertThatCode(() -> Slug.of(sample.input())).as("%s must be accepted", sample).doesNotThrowAnyException();

        Slug slug = Slug.of(sample.input());
        assertThat(slug.value()).as("%s", sample).isEqualTo(sample.input());
        assertThat(slug.toString()).as("%s", sample).isEqualTo(sample.input());
        assertThat(slug).as("%s", sample).isEqualTo(new Slug(sample.input()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSlugs")
    void refusesAnInvalidSlugNamingTheFieldAndWhatIsWrong(Sample sample) {
        InvalidValue refused = catchThrowableOfType(InvalidValue.class, () -> Slug.of(sample.input()));

        assertThat(refused).as("%s must be refused", sample).isNotNull();
        assertThat(refused.field()).as("%s", sample).isEqualTo("slug");
        assertThat(refused.code()).as("%s", sample).isEqualTo(sample.expectedCode());
        assertThat(refused.getMessage()).as("%s", sample).startsWith("slug ");
        for (String fragment : sample.expectedFragments()) {
            assertThat(refused.getMessage()).as("message for %s", sample).contains(fragment);
        }
    }

    @Test
    void generatesHundredsOfSamplesOfEachKind() {
        assertThat(SlugSamples.valid()).hasSizeGreaterThanOrEqualTo(300);
        assertThat(SlugSamples.invalid()).hasSizeGreaterThanOrEqualTo(300);
        assertThat(SlugSamples.invalid()).extracting(Sample::expectedCode)
                .contains("slug.required", "slug.too-long", "slug.invalid-character", "slug.bad-edge");
    }

    @Test
    void acceptsExactlySixtyThreeCharactersAndRefusesSixtyFour() {
        assertThat(Slug.of("a".repeat(63)).value()).hasSize(63);
        assertThatThrownBy(() -> Slug.of("a".repeat(64)))
                .isInstanceOf(InvalidValue.class)
                .hasMessage("slug must be at most 63 characters (got 64)");
    }

    @Test
    void refusesUppercaseInsteadOfLowerCasingIt() {
        assertThatThrownBy(() -> Slug.of("Acme"))
                .isInstanceOf(InvalidValue.class)
                .hasMessageContaining("uppercase 'A' at position 1");
    }

    @Test
    void refusesSlugEndingWithHyphen() {
        assertThatThrownBy(() -> Slug.of("acme-"))
                .isInstanceOf(InvalidValue.class)
                .hasMessage("slug must start and end with a letter or digit");
    }

    @Test
    void describesATabByItsCodePointRatherThanAsASpace() {
        assertThatThrownBy(() -> Slug.of("ac\tme"))
                .isInstanceOf(InvalidValue.class)
                .hasMessageContaining("character U+0009 at position 3");
    }

    @Test
    void ordersSlugsAlphabetically() {
        assertThat(List.of(Slug.of("b"), Slug.of("a-c"), Slug.of("a")).stream().sorted().map(Slug::value))
                .containsExactly("a", "a-c", "b");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "Contoso Ltd.|contoso-ltd",
            "  Fabrikam, Inc. (EMEA)  |fabrikam-inc-emea",
            "Northwind--Traders|northwind-traders",
            "A.Datum 2024|a-datum-2024",
            "Café Noël|caf-no-l",
            "!!!|company-250"})
    void suggestsASlugFromANameOrFallsBack(String name, String expected) {
        assertThat(Slug.suggestedFor(name, Slug.of("company-250")).value()).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void aSuggestionForALongNameIsCutToTheLimitWithoutATrailingHyphen() {
        Slug suggested = Slug.suggestedFor("x".repeat(62) + " y", Slug.of("f"));
        assertThat(suggested.value()).hasSize(62).doesNotEndWith("-");
    }
}
