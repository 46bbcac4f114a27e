package dev.ballast.tracking.domain.search;

/**
 * One lexical unit of a filter or order_by clause.
 *
 * @param kind   what the token is
 * @param text   identifiers: the key (unquoted); strings: the decoded value; numbers: the digits as
 *               written; keywords: upper case; operators: the symbol
 * @param prefix identifiers only: the entity type before the dot, or null for a bare identifier
 * @param start  0-based offset of the token's first character in the source
 * @param end    offset just past the token
 */
record Token(Kind kind, String text, String prefix, int start, int end) {

    /** The token kinds of the search grammar. */
    enum Kind {
        IDENTIFIER,
        STRING,
        NUMBER,
        OPERATOR,
        KEYWORD,
        LEFT_PAREN,
        RIGHT_PAREN,
        COMMA,
        END
    }

    boolean isKeyword(String word) {
        return kind == Kind.KEYWORD && text.equals(word);
    }

    boolean is(Kind k) {
        return kind == k;
    }
}
