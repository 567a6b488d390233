package dev.steward.adapter.web.http;

import java.util.Optional;

/**
 * Entity tags of versioned resources: {@code "<version>"} or {@code "<version>.<suffix>"} where the suffix covers
 * what the resource shows besides its own state (e.g. a client's effective mode, which follows the MSP default).
 */
public final class EntityTags {

    private EntityTags() {
    }

    public static String of(long version, String suffix) {
        return "\"" + version + (suffix.isEmpty() ? "" : "." + suffix) + "\"";
    }

    /** The version in one entity tag (strong or weak), or empty if it is not one of ours. */
    public static Optional<Long> versionOf(String tag) {
        String t = tag.startsWith("W/") ? tag.substring(2) : tag;
        if (t.length() < 3 || t.charAt(0) != '"' || t.charAt(t.length() - 1) != '"') {
            return Optional.empty();
        }
        String inner = t.substring(1, t.length() - 1);
        int dot = inner.indexOf('.');
        String digits = dot < 0 ? inner : inner.substring(0, dot);
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }
}
