package dev.steward.adapter.m365;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Temporary passwords: 16 characters from a cryptographic random source, at least one upper-case letter, lower-case
 * letter, digit and symbol (so Entra's complexity rule always passes), without look-alikes (0/O, 1/l/I) that a
 * technician reading one out would trip over.
 */
final class Passwords {

    static final int LENGTH = 16;
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "!#%+-=?@";
    private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;

    private final SecureRandom random;

    Passwords(SecureRandom random) {
        this.random = random;
    }

    String generate() {
        List<Character> chars = new ArrayList<>(LENGTH);
        for (String required : List.of(UPPER, LOWER, DIGITS, SYMBOLS)) {
            chars.add(pick(required));
        }
        while (chars.size() < LENGTH) {
            chars.add(pick(ALL));
        }
        Collections.shuffle(chars, random);
        StringBuilder password = new StringBuilder(LENGTH);
        chars.forEach(password::append);
        return password.toString();
    }

    private char pick(String from) {
        return from.charAt(random.nextInt(from.length()));
    }
}
