package dev.steward.adapter.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reading and binding the column types the stores share (timestamptz, uuid, text pairs of a jsonb object). */
final class Columns {

    /** Selects a jsonb object column as two aligned arrays, for {@link #map}. */
    static String jsonMap(String column) {
        return "(select array_agg(key order by key) from jsonb_each_text(" + column + ")) as " + column + "_keys, "
                + "(select array_agg(value order by key) from jsonb_each_text(" + column + ")) as " + column
                + "_values";
    }

    private Columns() {
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(instant(rs, column));
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    static Optional<String> optionalText(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    static Map<String, String> map(ResultSet rs, String column) throws SQLException {
        Object[] keys = array(rs, column + "_keys");
        Object[] values = array(rs, column + "_values");
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            map.put((String) keys[i], (String) values[i]);
        }
        return map;
    }

    static Object[] array(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? new Object[0] : (Object[]) array.getArray();
    }

    static Instant instantElement(Object element) {
        return element instanceof Timestamp ts ? ts.toInstant() : ((OffsetDateTime) element).toInstant();
    }
}
