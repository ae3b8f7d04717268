package io.github.camelkapso.message;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Values of Kapso's {@code fields} selector, which adds Kapso's own fields (under the {@code kapso} key) to the
 * messages, conversations, contacts and calls it stores: as an endpoint option
 * ({@code "kapso:listMessages?fields=" + KapsoFields.of("direction", "media_url")}) or in the
 * {@code CamelKapsoFields} header.
 */
public final class KapsoFields {

    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_]+");

    private KapsoFields() {
    }

    /** Only these Kapso fields, e.g. {@code kapso(direction,status)}; a name given twice is sent once. */
    public static String of(String... fields) {
        if (fields == null) {
            throw new IllegalArgumentException("fields: name at least one Kapso field, or use KapsoFields.all()");
        }
        return of(Arrays.asList(fields));
    }

    public static String of(Collection<String> fields) {
        if (fields == null || fields.isEmpty()) {
            throw new IllegalArgumentException("fields: name at least one Kapso field, or use KapsoFields.all()");
        }
        Set<String> names = new LinkedHashSet<>();
        for (String field : fields) {
            if (field == null || !FIELD_NAME.matcher(field).matches()) {
                throw new IllegalArgumentException("fields: a Kapso field name is letters, digits and underscores"
                                                   + " (e.g. direction, media_url), got " + (field == null ? "null" : "\"" + field + "\""));
            }
            names.add(field);
        }
        return "kapso(" + String.join(",", names) + ")";
    }

    /** Kapso's default set of its fields: {@code kapso(*)}. */
    public static String all() {
        return "kapso(*)";
    }

    /** No Kapso fields: {@code kapso()}, only what Meta's shape has. */
    public static String none() {
        return "kapso()";
    }
}
