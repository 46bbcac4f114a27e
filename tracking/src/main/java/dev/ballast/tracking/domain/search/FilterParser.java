package dev.ballast.tracking.domain.search;

import dev.ballast.core.error.BallastException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The one parser of MLflow's search grammar, for filters and order_by clauses of every searchable
 * entity; what identifiers may name comes from a {@link FieldResolver}.
 *
 * <pre>
 * filter     := [ or ] END
 * or         := and { OR and }
 * and        := primary { AND primary }
 * primary    := '(' or ')' | comparison
 * comparison := IDENTIFIER operator value
 * operator   := '=' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=' | LIKE | ILIKE | IN | NOT IN
 * value      := STRING | NUMBER | '(' STRING { ',' STRING } ')'      (lists only after IN / NOT IN)
 * orderBy    := IDENTIFIER [ ASC | DESC ] END
 * </pre>
 *
 * <p>Beyond syntax it checks each comparison against its field: the operator must be one the
 * field supports, numbers go with numeric fields and quoted strings with string fields (as in
 * MLflow, {@code metrics.x = '1'} and {@code params.x = 1} are errors), and LIKE patterns must
 * use the backslash only to escape {@code %}, {@code _} or a backslash, which H2 and PostgreSQL
 * then read alike.
 */
public final class FilterParser {
    private static final String FILTER = "filter";
    private static final String ORDER_BY = "order_by clause";

    private final String src;
    private final String what;
    private final List<Token> tokens;
    private final FieldResolver fields;
    private int index;
    private int comparisons;

    private FilterParser(String src, String what, FieldResolver fields) {
        this.src = src;
        this.what = what;
        this.fields = fields;
        this.tokens = FilterLexer.tokenize(src, what);
    }

    /**
     * Parses a filter; null when it is null or blank (which matches everything).
     *
     * @throws BallastException (INVALID_PARAMETER_VALUE) for any malformed filter
     */
    public static FilterExpr parseFilter(String filter, FieldResolver fields) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        if (filter.length() > FilterLimits.MAX_FILTER_LENGTH) {
            throw SyntaxErrors.of(FILTER, filter, "it is " + filter.length() + " characters long; the maximum is "
                    + FilterLimits.MAX_FILTER_LENGTH);
        }
        FilterParser p = new FilterParser(filter, FILTER, fields);
        FilterExpr expr = p.or(0);
        Token t = p.peek();
        if (!t.is(Token.Kind.END)) {
            String expected = t.is(Token.Kind.RIGHT_PAREN) ? "unbalanced ')'" : "expected AND, OR or the end of the filter but found "
                    + p.show(t);
            throw p.error(t.start(), expected);
        }
        return expr;
    }

    /**
     * Parses one order_by clause such as {@code metrics.rmse DESC} (ascending when no direction).
     *
     * @throws BallastException (INVALID_PARAMETER_VALUE) for any malformed clause
     */
    static OrderTerm parseOrderBy(String clause, FieldResolver fields) {
        if (clause == null || clause.isBlank()) {
            throw BallastException.invalid("Invalid order_by clause '" + (clause == null ? "null" : clause)
                    + "': it is empty.");
        }
        if (clause.length() > FilterLimits.MAX_ORDER_BY_LENGTH) {
            throw SyntaxErrors.of(ORDER_BY, clause, "it is longer than " + FilterLimits.MAX_ORDER_BY_LENGTH + " characters");
        }
        FilterParser p = new FilterParser(clause, ORDER_BY, fields);
        Token id = p.next();
        if (!id.is(Token.Kind.IDENTIFIER)) {
            throw p.error(id.start(), "expected a column such as metrics.<key>, params.<key>, tags.<key> or attributes.<name> but found "
                    + p.show(id));
        }
        Field field;
        try {
            field = fields.forOrderBy(id.prefix(), id.text());
        } catch (UnknownFieldException e) {
            throw p.error(id.start(), e.getMessage());
        }
        boolean ascending = true;
        Token t = p.next();
        if (t.isKeyword("ASC") || t.isKeyword("DESC")) {
            ascending = t.isKeyword("ASC");
            t = p.next();
        }
        if (!t.is(Token.Kind.END)) {
            throw p.error(t.start(), "expected ASC, DESC or the end of the clause but found " + p.show(t));
        }
        return new OrderTerm(field, ascending);
    }

    private FilterExpr or(int depth) {
        List<FilterExpr> parts = new ArrayList<>();
        parts.add(and(depth));
        while (peek().isKeyword("OR")) {
            next();
            parts.add(and(depth));
        }
        return parts.size() == 1 ? parts.get(0) : new FilterExpr.Or(parts);
    }

    private FilterExpr and(int depth) {
        List<FilterExpr> parts = new ArrayList<>();
        parts.add(primary(depth));
        while (peek().isKeyword("AND")) {
            next();
            parts.add(primary(depth));
        }
        return parts.size() == 1 ? parts.get(0) : new FilterExpr.And(parts);
    }

    private FilterExpr primary(int depth) {
        Token t = peek();
        if (!t.is(Token.Kind.LEFT_PAREN)) {
            return comparison();
        }
        if (depth >= FilterLimits.MAX_DEPTH) {
            throw error(t.start(), "parentheses are nested deeper than " + FilterLimits.MAX_DEPTH + " levels");
        }
        next();
        if (peek().is(Token.Kind.RIGHT_PAREN)) {
            throw error(t.start(), "empty parentheses");
        }
        FilterExpr inner = or(depth + 1);
        Token close = next();
        if (!close.is(Token.Kind.RIGHT_PAREN)) {
            throw error(close.start(), "expected ')' to close the '(' at position " + t.start() + " but found " + show(close));
        }
        return inner;
    }

    private FilterExpr comparison() {
        Token id = next();
        if (!id.is(Token.Kind.IDENTIFIER)) {
            throw error(id.start(), "expected an identifier such as metrics.<key>, params.<key>, tags.<key> or attributes.<name> "
                    + "but found " + show(id));
        }
        if (++comparisons > FilterLimits.MAX_COMPARISONS) {
            throw error(id.start(), "more than " + FilterLimits.MAX_COMPARISONS + " comparisons");
        }
        Field field;
        try {
            field = fields.forFilter(id.prefix(), id.text());
        } catch (UnknownFieldException e) {
            throw error(id.start(), e.getMessage());
        }
        Token opToken = peek();
        Operator op = operator(field);
        if (!field.operators().contains(op)) {
            throw error(opToken.start(), "operator '" + op.symbol() + "' is not supported for " + field.describe()
                    + "; supported operators are " + Operator.describe(field.operators()));
        }
        List<Object> values = op.takesList() ? list(field, op) : List.of(value(field, op));
        return new FilterExpr.Comparison(field, op, values, id.start());
    }

    private Operator operator(Field field) {
        Token t = next();
        if (t.is(Token.Kind.OPERATOR)) {
            for (Operator op : Operator.values()) {
                if (op.symbol().equals(t.text())) {
                    return op;
                }
            }
        }
        if (t.is(Token.Kind.KEYWORD)) {
            switch (t.text()) {
                case "LIKE":
                    return Operator.LIKE;
                case "ILIKE":
                    return Operator.ILIKE;
                case "IN":
                    return Operator.IN;
                case "NOT":
                    Token in = next();
                    if (!in.isKeyword("IN")) {
                        throw error(in.start(), "expected IN after NOT (NOT is only supported as NOT IN) but found " + show(in));
                    }
                    return Operator.NOT_IN;
                default:
                    break;
            }
        }
        throw error(t.start(), "expected a comparison operator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN, NOT IN) after "
                + field.describe() + " but found " + show(t));
    }

    private Object value(Field field, Operator op) {
        Token t = next();
        if (t.is(Token.Kind.END)) {
            throw error(t.start(), "missing value after '" + op.symbol() + "' for " + field.describe());
        }
        switch (field.valueType()) {
            case STRING:
                if (!t.is(Token.Kind.STRING)) {
                    throw error(t.start(), "expected a quoted string value for " + field.describe() + " (e.g. 'my-value') but found "
                            + show(t));
                }
                if (op.isPattern()) {
                    checkPattern(t);
                }
                return t.text();
            case DOUBLE:
                return parseDouble(requireNumber(field, t), t.start());
            case INTEGER:
                return parseLong(field, requireNumber(field, t), t.start());
            default:
                throw new IllegalStateException("unknown value type " + field.valueType());
        }
    }

    private List<Object> list(Field field, Operator op) {
        Token open = next();
        if (!open.is(Token.Kind.LEFT_PAREN)) {
            throw error(open.start(), "expected a parenthesised list of quoted strings after " + op.symbol() + " but found " + show(open));
        }
        List<Object> values = new ArrayList<>();
        if (peek().is(Token.Kind.RIGHT_PAREN)) {
            throw error(open.start(), "the list after " + op.symbol() + " is empty; it needs at least one quoted string");
        }
        while (true) {
            Token item = next();
            if (!item.is(Token.Kind.STRING)) {
                throw error(item.start(), "expected a quoted string in the list for " + field.describe() + " but found " + show(item));
            }
            values.add(item.text());
            Token sep = next();
            if (sep.is(Token.Kind.RIGHT_PAREN)) {
                return values;
            }
            if (!sep.is(Token.Kind.COMMA)) {
                throw error(sep.start(), "expected ',' or ')' in the list but found " + show(sep));
            }
        }
    }

    private String requireNumber(Field field, Token t) {
        if (t.is(Token.Kind.NUMBER)) {
            return t.text();
        }
        String found = t.is(Token.Kind.STRING) ? "the quoted string " + show(t) : show(t);
        throw error(t.start(), "expected a numeric value for " + field.describe() + " but found " + found);
    }

    /** A LIKE pattern's backslashes must escape %, _ or a backslash: the one escape both databases read alike. */
    private void checkPattern(Token t) {
        String p = t.text();
        for (int i = 0; i < p.length(); i++) {
            if (p.charAt(i) == '\\') {
                char n = i + 1 < p.length() ? p.charAt(i + 1) : '\0';
                if (n != '%' && n != '_' && n != '\\') {
                    throw error(t.start(), "in a LIKE pattern a backslash may only escape %, _ or another backslash");
                }
                i++;
            }
        }
    }

    /** An integral number (also written as {@code 1.0} or {@code 1e3}) that fits a {@code BIGINT} column. */
    private Long parseLong(Field field, String text, int position) {
        try {
            BigDecimal d = new BigDecimal(text);
            if (d.signum() != 0 && d.precision() - d.scale() > 19) {
                throw new ArithmeticException("too large");
            }
            return d.longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw error(position, "expected an integer value for " + field.describe() + " but found '" + SyntaxErrors.shorten(text) + "'");
        }
    }

    private Double parseDouble(String text, int position) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw error(position, "invalid number '" + SyntaxErrors.shorten(text) + "'");
        }
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token t = tokens.get(index);
        if (!t.is(Token.Kind.END)) {
            index++;
        }
        return t;
    }

    /** A token as the user wrote it, for messages; "the end of the input" for END. */
    private String show(Token t) {
        if (t.is(Token.Kind.END)) {
            return "the end of the " + (what.equals(FILTER) ? "filter" : "clause");
        }
        return "'" + SyntaxErrors.shorten(src.substring(t.start(), t.end())) + "'";
    }

    private BallastException error(int position, String problem) {
        return SyntaxErrors.at(what, src, position, problem);
    }
}
