package dev.steward.adapter.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.generic.GenericType;
import org.jdbi.v3.core.qualifier.QualifiedType;
import org.jdbi.v3.jackson2.Jackson2Config;
import org.jdbi.v3.json.Json;

/** Reading and binding the column types the stores share (timestamptz, uuid, jsonb objects of text). */
final class Columns {

    /** A string-to-string map bound as a {@code jsonb} object, written by Jdbi's Jackson plugin. */
    static final QualifiedType<Map<String, String>> JSON_OBJECT =
            QualifiedType.of(new GenericType<Map<String, String>>() { }).with(Json.class);

    /** {@code values} as JSON object text, for array binds (the plugin's own mapper writes it). */
    static String jsonText(Handle handle, Map<String, String> values) {
        try {
            return handle.getConfig(Jackson2Config.class).getMapper().writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

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
