package dev.steward.application.id;

import java.util.Comparator;
import java.util.UUID;

/**
 * Orders UUIDs as unsigned 128-bit numbers, i.e. as their text sorts and as PostgreSQL orders {@code uuid}.
 * {@link UUID#compareTo} compares signed halves, which puts {@code 8000…} before {@code 7fff…}; stores that page
 * by id must agree with the database, so the in-memory ones use this.
 */
public final class UnsignedUuidOrder implements Comparator<UUID> {

    public static final UnsignedUuidOrder INSTANCE = new UnsignedUuidOrder();

    private UnsignedUuidOrder() {
    }

    @Override
    public int compare(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
