package dev.steward.domain.usage;

/** Model tokens: sent to the model ({@code in}, the prompt) and produced by it ({@code out}). */
public record TokenCount(long in, long out) {

    public static final TokenCount NONE = new TokenCount(0, 0);

    public TokenCount {
        if (in < 0 || out < 0) {
            throw new IllegalArgumentException("token counts are never negative");
        }
    }

    public long total() {
        return in + out;
    }

    public TokenCount plus(TokenCount other) {
        return new TokenCount(in + other.in, out + other.out);
    }
}
