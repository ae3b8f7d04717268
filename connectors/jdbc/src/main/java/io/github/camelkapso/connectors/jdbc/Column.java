package io.github.camelkapso.connectors.jdbc;

/**
 * One column of a Kapso table as the writer binds it. Mirrors the migration's column; {@code maxLength} is the
 * {@code VARCHAR} size in characters (code points), null for unbounded text and non-text columns.
 */
record Column(String name, Kind kind, Integer maxLength) {

    enum Kind {
        TEXT, TIMESTAMP, INTEGER, SMALLINT
    }

    static Column varchar(String name, int maxLength) {
        return new Column(name, Kind.TEXT, maxLength);
    }

    static Column text(String name) {
        return new Column(name, Kind.TEXT, null);
    }

    static Column timestamp(String name) {
        return new Column(name, Kind.TIMESTAMP, null);
    }

    static Column integer(String name) {
        return new Column(name, Kind.INTEGER, null);
    }

    static Column smallint(String name) {
        return new Column(name, Kind.SMALLINT, null);
    }
}
