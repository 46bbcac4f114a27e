package dev.ballast.tracking.domain.search;

import dev.ballast.core.error.BallastException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a filter or order_by clause into {@link Token}s.
 *
 * <p>Lexical rules:
 * <ul>
 *   <li>Strings are enclosed in {@code '} or {@code "}. Inside, a doubled quote stands for the
 *       quote, and a backslash followed by a quote, a backtick or a backslash stands for that
 *       character. Any other backslash is kept as written, so {@code '50\%'} reaches a LIKE
 *       pattern as the escaped percent sign it was meant to be.</li>
 *   <li>Numbers are decimal with an optional sign, fraction and exponent ({@code -1.5e-3}).</li>
 *   <li>An identifier is a word ({@code [\w]} characters) optionally followed by a dot and a
 *       key. The key is either plain ({@code [\w./-]} characters, so {@code tags.mlflow.user}
 *       has key {@code mlflow.user}) or quoted with {@code "}, {@code '} or a backtick
 *       ({@code metrics.`my metric`}). A backticked word also forms an identifier.</li>
 *   <li>The words {@code AND OR NOT IN LIKE ILIKE ASC DESC} (any case) are keywords when they
 *       stand alone.</li>
 * </ul>
 */
final class FilterLexer {
    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "IN", "LIKE", "ILIKE", "ASC", "DESC");

    private final String src;
    private final String what;
    private int pos;

    private FilterLexer(String src, String what) {
        this.src = src;
        this.what = what;
    }

    /**
     * The tokens of {@code source}, ending with an {@link Token.Kind#END} token.
     *
     * @param what names the input in error messages ({@code "filter"}, {@code "order_by clause"})
     */
    static List<Token> tokenize(String source, String what) {
        return new FilterLexer(source, what).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (pos >= src.length()) {
                tokens.add(new Token(Token.Kind.END, "", null, pos, pos));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        int start = pos;
        char c = src.charAt(pos);
        switch (c) {
            case '(':
                pos++;
                return new Token(Token.Kind.LEFT_PAREN, "(", null, start, pos);
            case ')':
                pos++;
                return new Token(Token.Kind.RIGHT_PAREN, ")", null, start, pos);
            case ',':
                pos++;
                return new Token(Token.Kind.COMMA, ",", null, start, pos);
            case '\'':
            case '"':
                return new Token(Token.Kind.STRING, readQuoted(), null, start, pos);
            case '=':
            case '!':
            case '<':
            case '>':
                return readOperator();
            default:
                break;
        }
        if (startsNumber()) {
            return readNumber();
        }
        int cp = src.codePointAt(pos);
        if (c == '`' || Character.isLetter(cp) || c == '_') {
            return readIdentifier();
        }
        if (c == '\u0000') {
            throw error(start, "NUL characters are not allowed");
        }
        throw error(start, "unexpected character '" + new String(Character.toChars(cp)) + "'");
    }

    private void skipWhitespace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    private Token readOperator() {
        int start = pos;
        char c = src.charAt(pos);
        char n = pos + 1 < src.length() ? src.charAt(pos + 1) : '\0';
        String op;
        if (c == '=') {
            if (n == '=') {
                throw error(start, "unsupported operator '=='; use '='");
            }
            op = "=";
        } else if (c == '!') {
            if (n != '=') {
                throw error(start, "unexpected character '!'; the not-equal operator is '!='");
            }
            op = "!=";
        } else if (c == '<') {
            if (n == '>') {
                throw error(start, "unsupported operator '<>'; use '!='");
            }
            op = n == '=' ? "<=" : "<";
        } else {
            op = n == '=' ? ">=" : ">";
        }
        pos += op.length();
        return new Token(Token.Kind.OPERATOR, op, null, start, pos);
    }

    private boolean startsNumber() {
        int i = pos;
        char c = src.charAt(i);
        if (c == '-' || c == '+') {
            i++;
        }
        if (i < src.length() && isDigit(src.charAt(i))) {
            return true;
        }
        return i + 1 < src.length() && src.charAt(i) == '.' && isDigit(src.charAt(i + 1));
    }

    private Token readNumber() {
        int start = pos;
        if (src.charAt(pos) == '-' || src.charAt(pos) == '+') {
            pos++;
        }
        skipDigits();
        if (pos < src.length() && src.charAt(pos) == '.') {
            pos++;
            skipDigits();
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '-' || src.charAt(pos) == '+')) {
                pos++;
            }
            if (pos >= src.length() || !isDigit(src.charAt(pos))) {
                throw error(start, "invalid number '" + src.substring(start, Math.min(pos, src.length())) + "': missing exponent digits");
            }
            skipDigits();
        }
        if (pos < src.length() && (isWordChar(src.codePointAt(pos)) || src.charAt(pos) == '.')) {
            int end = pos;
            while (end < src.length() && (isWordChar(src.codePointAt(end)) || src.charAt(end) == '.')) {
                end += Character.charCount(src.codePointAt(end));
            }
            throw error(start, "invalid number '" + src.substring(start, end) + "'");
        }
        return new Token(Token.Kind.NUMBER, src.substring(start, pos), null, start, pos);
    }

    private void skipDigits() {
        while (pos < src.length() && isDigit(src.charAt(pos))) {
            pos++;
        }
    }

    private Token readIdentifier() {
        int start = pos;
        boolean quotedHead = src.charAt(pos) == '`';
        String head = quotedHead ? readQuoted() : readWhile(false);
        if (pos < src.length() && src.charAt(pos) == '.') {
            pos++;
            String key = readKey(head, start);
            return new Token(Token.Kind.IDENTIFIER, key, head, start, pos);
        }
        if (!quotedHead) {
            String upper = head.toUpperCase(Locale.ROOT);
            if (KEYWORDS.contains(upper)) {
                return new Token(Token.Kind.KEYWORD, upper, null, start, pos);
            }
        }
        return new Token(Token.Kind.IDENTIFIER, head, null, start, pos);
    }

    private String readKey(String prefix, int identifierStart) {
        if (pos >= src.length()) {
            throw error(identifierStart, "missing key after '" + prefix + ".'");
        }
        char c = src.charAt(pos);
        String key;
        if (c == '"' || c == '\'' || c == '`') {
            key = readQuoted();
            if (pos < src.length() && isKeyChar(src.codePointAt(pos))) {
                throw error(pos, "unexpected character '" + new String(Character.toChars(src.codePointAt(pos)))
                        + "' after quoted key");
            }
        } else {
            key = readWhile(true);
            if (key.isEmpty()) {
                throw error(identifierStart, "missing key after '" + prefix + ".'");
            }
        }
        return key;
    }

    private String readWhile(boolean keyChars) {
        int start = pos;
        while (pos < src.length()) {
            int cp = src.codePointAt(pos);
            if (!(keyChars ? isKeyChar(cp) : isWordChar(cp))) {
                break;
            }
            pos += Character.charCount(cp);
        }
        return src.substring(start, pos);
    }

    /** Reads a string quoted with the character at {@code pos}; leaves {@code pos} after the closing quote. */
    private String readQuoted() {
        int start = pos;
        char quote = src.charAt(pos++);
        StringBuilder out = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\u0000') {
                throw error(pos, "NUL characters are not allowed");
            }
            if (c == '\\' && pos + 1 < src.length()) {
                char n = src.charAt(pos + 1);
                if (n == quote || n == '\\' || n == '\'' || n == '"' || n == '`') {
                    out.append(n);
                } else if (n == '\u0000') {
                    throw error(pos + 1, "NUL characters are not allowed");
                } else {
                    out.append(c).append(n);
                }
                pos += 2;
                continue;
            }
            if (c == quote) {
                if (pos + 1 < src.length() && src.charAt(pos + 1) == quote) {
                    out.append(quote);
                    pos += 2;
                    continue;
                }
                pos++;
                return out.toString();
            }
            out.append(c);
            pos++;
        }
        String kind = quote == '`' ? "backticked name" : "string";
        throw error(start, "unterminated " + kind + " (missing closing " + quote + ")");
    }

    private BallastException error(int position, String problem) {
        return SyntaxErrors.at(what, src, position, problem);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '_';
    }

    private static boolean isKeyChar(int cp) {
        return isWordChar(cp) || cp == '.' || cp == '-' || cp == '/';
    }
}
