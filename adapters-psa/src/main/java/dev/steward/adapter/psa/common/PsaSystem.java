package dev.steward.adapter.psa.common;

import dev.steward.application.port.psa.TicketSystem;
import dev.steward.application.spi.Directory;
import dev.steward.domain.problem.InvalidValue;
import java.util.Optional;
import java.util.regex.Pattern;

/** What one PSA adapter here implements: the core's ticket system, and the contact reads its tools need. */
public interface PsaSystem extends TicketSystem, PsaContacts {

    /**
     * Asks the PSA, with the cheapest authenticated calls it has, whether these settings work: the host answers, the
     * credentials are accepted, and what every note will need (outcomes, picklist labels) is there.
     *
     * @throws InvalidValue naming the setting ({@code settings.<key>}, a secret's key too) that the PSA refused, or
     *     the host field ({@code unreachable}) when it did not answer
     */
    void checkConnection();

    /**
     * One page of the PSA's companies a client can be mapped to (ConnectWise: every company not deleted; HaloPSA:
     * its active clients; Autotask: active companies of the configured types), those whose name contains
     * {@code search} (ignoring case; empty matches all), in the PSA's order.
     *
     * @param cursor empty for the first page, else a page's {@link Directory.Page#next()}
     * @throws InvalidValue ({@code cursor}) for a cursor this PSA did not hand out
     */
    Directory.Page companies(String search, Optional<String> cursor, int limit);

    /** The company with this id, if the PSA has it (and would list it). */
    Optional<Directory.Entry> company(String id);

    /** A page-number cursor ({@code page:N}) read back: 1 when absent. */
    static int page(Optional<String> cursor) {
        if (cursor.isEmpty()) {
            return 1;
        }
        java.util.regex.Matcher m = PAGE.matcher(cursor.get());
        if (!m.matches()) {
            throw unknownCursor();
        }
        return Integer.parseInt(m.group(1));
    }

    static InvalidValue unknownCursor() {
        return InvalidValue.of("cursor", "unknown", "is not a cursor this directory handed out");
    }

    /** Search text a PSA condition can carry: quotes and backslashes dropped, at most 100 characters. */
    static String searchable(String search) {
        String plain = search == null ? "" : search.replace("\"", "").replace("\\", "").strip();
        return plain.length() > 100 ? plain.substring(0, 100) : plain;
    }

    Pattern PAGE = Pattern.compile("page:([1-9][0-9]{0,6})");
}
