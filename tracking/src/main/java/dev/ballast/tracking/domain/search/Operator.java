package dev.ballast.tracking.domain.search;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The comparison operators of the search grammar, with the SQL each becomes. */
public enum Operator {
    EQ("=", "="),
    NE("!=", "<>"),
    LT("<", "<"),
    LE("<=", "<="),
    GT(">", ">"),
    GE(">=", ">="),
    LIKE("LIKE", "LIKE"),
    ILIKE("ILIKE", "LIKE"),
    IN("IN", "IN"),
    NOT_IN("NOT IN", "NOT IN");

    /** What metrics and numeric attributes accept. */
    public static final Set<Operator> NUMERIC = Collections.unmodifiableSet(EnumSet.of(EQ, NE, LT, LE, GT, GE));
    /** What params, tags and string attributes accept. */
    public static final Set<Operator> STRING = Collections.unmodifiableSet(EnumSet.of(EQ, NE, LIKE, ILIKE));
    /** What run ids accept: exact matches only, alone or against a list. */
    public static final Set<Operator> IDENTITY = Collections.unmodifiableSet(EnumSet.of(EQ, NE, IN, NOT_IN));
    /** What dataset name, digest and context accept. */
    static final Set<Operator> DATASET = Collections.unmodifiableSet(EnumSet.of(EQ, NE, LIKE, ILIKE, IN, NOT_IN));

    private final String symbol;
    private final String sql;

    Operator(String symbol, String sql) {
        this.symbol = symbol;
        this.sql = sql;
    }

    /** How the operator is written in a filter. */
    String symbol() {
        return symbol;
    }

    /** The SQL operator; ILIKE additionally lower-cases both sides (see {@link FilterSql}). */
    String sql() {
        return sql;
    }

    boolean takesList() {
        return this == IN || this == NOT_IN;
    }

    boolean isPattern() {
        return this == LIKE || this == ILIKE;
    }

    /** The operators' symbols in declaration order, for messages. */
    static String describe(Collection<Operator> operators) {
        return Arrays.stream(values()).filter(operators::contains).map(Operator::symbol).collect(Collectors.joining(", "));
    }
}
