package dev.steward.domain.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated slug inputs from a seeded {@link Random}: hundreds of valid ones and hundreds of invalid ones, each invalid
 * one labelled with the rule it breaks and what the refusal must say. The seed is part of every sample's name, so a
 * failure can be replayed with {@code -Dsteward.seed=<seed>}; without that property every run explores new inputs.
 */
final class SlugSamples {

    static final long SEED = Long.getLong("steward.seed", System.nanoTime());
    static final int VALID_COUNT = 400;
    static final int INVALID_PER_KIND = 60;

    private static final String LETTERS_AND_DIGITS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String UPPERCASE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String PUNCTUATION = "_.,;:/\\@#$%&*+=!?'\"()[]{}<>|~`^";
    /** Letters and digits that look allowed but are not ASCII a-z / 0-9. */
    private static final String[] UNICODE = {"é", "ß", "ü", "ø", "а" /* Cyrillic a */, "ı" /* dotless i */, "ſ",
        "日", "本", "ا", "١" /* Arabic-Indic one */, "１" /* fullwidth one */, "ａ" /* fullwidth a */, "😀", "ﬁ",
        "\u00A0" /* no-break space */, "\u200B" /* zero-width space */, "\u2003" /* em space */};

    /** A generated input; {@code expectedCode} and {@code expectedFragments} are empty for valid samples. */
    record Sample(long seed, String kind, String input, String expectedCode, List<String> expectedFragments) {
        @Override
        public String toString() {
            return "seed " + seed + ", " + kind + ": " + printable(input);
        }
    }

    private SlugSamples() {
    }

    static List<Sample> valid() {
        Random random = new Random(SEED);
        List<Sample> samples = new ArrayList<>();
        // the edges of the length rule, always
        samples.add(validSample("shortest", "a"));
        samples.add(validSample("shortest digit", "7"));
        samples.add(validSample("longest", randomValid(random, Slug.MAX_LENGTH)));
        samples.add(validSample("hyphens inside", "a--b"));
        samples.add(validSample("all digits", "2026"));
        while (samples.size() < VALID_COUNT) {
            int length = 1 + random.nextInt(Slug.MAX_LENGTH);
            samples.add(validSample("random length " + length, randomValid(random, length)));
        }
        return samples;
    }

    static List<Sample> invalid() {
        Random random = new Random(SEED ^ 0x5DEECE66DL);
        List<Sample> samples = new ArrayList<>();
        samples.add(new Sample(SEED, "empty", "", "slug.required", List.of("is required")));
        samples.add(new Sample(SEED, "null", null, "slug.required", List.of("is required")));
        for (int i = 0; i < INVALID_PER_KIND; i++) {
            int length = Slug.MAX_LENGTH + 1 + random.nextInt(200);
            samples.add(new Sample(SEED, "too long (" + length + ")", randomValid(random, length), "slug.too-long",
                    List.of("at most 63 characters", "got " + length)));

            samples.add(withBadCharacter(random, "uppercase", pick(random, UPPERCASE), c -> "uppercase '" + c + "'"));
            samples.add(withBadCharacter(random, "space", " ", c -> "a space"));
            samples.add(withBadCharacter(random, "punctuation", pick(random, PUNCTUATION), c -> "'" + c + "'"));
            samples.add(withBadCharacter(random, "control character", String.valueOf((char) controlCharacter(random)),
                    c -> String.format("U+%04X", (int) c.charAt(0))));
            String unicode = UNICODE[random.nextInt(UNICODE.length)];
            samples.add(withBadCharacter(random, "non-ASCII", unicode, SlugSamples::describeNonAscii));

            String core = randomValid(random, 1 + random.nextInt(40));
            String edge = switch (random.nextInt(3)) {
                case 0 -> "-" + core;
                case 1 -> core + "-";
                default -> "-" + core + "-";
            };
            samples.add(new Sample(SEED, "hyphen at an edge", edge, "slug.bad-edge",
                    List.of("must start and end with a letter or digit")));
        }
        samples.add(new Sample(SEED, "only a hyphen", "-", "slug.bad-edge", List.of("start and end with a letter or digit")));
        samples.add(new Sample(SEED, "only hyphens", "---", "slug.bad-edge", List.of("start and end with a letter or digit")));
        return samples;
    }

    /** A valid slug with {@code bad} inserted at a random position; the refusal must name it and its position. */
    private static Sample withBadCharacter(Random random, String kind, String bad,
                                           java.util.function.Function<String, String> description) {
        String base = randomValid(random, 1 + random.nextInt(Slug.MAX_LENGTH - bad.length()));
        int at = random.nextInt(base.length() + 1);
        String input = base.substring(0, at) + bad + base.substring(at);
        return new Sample(SEED, kind, input, "slug.invalid-character",
                List.of(description.apply(bad), "at position " + (at + 1), "a-z, 0-9 and '-'"));
    }

    private static String describeNonAscii(String c) {
        char first = c.charAt(0);
        if (Character.isSurrogate(first) || Character.isISOControl(first) || Character.isWhitespace(first)
                || Character.isSpaceChar(first) || Character.getType(first) == Character.FORMAT) {
            return String.format("U+%04X", (int) first);
        }
        return "'" + first + "'";
    }

    private static int controlCharacter(Random random) {
        int pick = random.nextInt(34);
        return pick < 32 ? pick : (pick == 32 ? 0x7F : 0x9F);
    }

    private static Sample validSample(String kind, String input) {
        return new Sample(SEED, kind, input, "", List.of());
    }

    /** {@code length} characters of a-z, 0-9 and '-', starting and ending with a letter or digit. */
    static String randomValid(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            boolean edge = i == 0 || i == length - 1;
            boolean hyphen = !edge && random.nextInt(6) == 0;
            out.append(hyphen ? '-' : LETTERS_AND_DIGITS.charAt(random.nextInt(LETTERS_AND_DIGITS.length())));
        }
        return out.toString();
    }

    private static String pick(Random random, String from) {
        return String.valueOf(from.charAt(random.nextInt(from.length())));
    }

    static String printable(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(cp -> {
            if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || Character.getType(cp) == Character.FORMAT
                    || Character.isWhitespace(cp) && cp != ' ') {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').toString();
    }
}
