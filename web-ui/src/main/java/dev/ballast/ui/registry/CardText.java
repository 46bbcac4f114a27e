package dev.ballast.ui.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a people-written model card section (markdown-ish text) as HTML that cannot carry
 * markup of its own. Every character of the input is escaped first; the only tags in the output
 * are the ones this class writes: headings ({@code #}, {@code ##}, {@code ###} at a line start,
 * shown as h4 to h6 so they stay below the page's own headings), bulleted lists ({@code -} or
 * {@code *}), numbered lists ({@code 1.}), paragraphs (separated by blank lines) and line breaks
 * inside a paragraph. A {@code <script>} in a section therefore shows as text.
 */
public final class CardText {
    private CardText() {
    }

    public static String html(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 64);
        List<String> paragraph = new ArrayList<>();
        String list = null;
        for (String raw : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            String line = raw.strip();
            String item = bullet(line);
            String numbered = item == null ? numbered(line) : null;
            String wantedList = item != null ? "ul" : numbered != null ? "ol" : null;
            if (wantedList == null || !wantedList.equals(list)) {
                if (list != null) {
                    out.append("</").append(list).append('>');
                    list = null;
                }
            }
            if (line.isEmpty() || wantedList != null || heading(line) > 0) {
                flush(out, paragraph);
            }
            if (line.isEmpty()) {
                continue;
            }
            if (wantedList != null) {
                if (list == null) {
                    list = wantedList;
                    out.append('<').append(list).append('>');
                }
                out.append("<li>").append(escape(item != null ? item : numbered)).append("</li>");
            } else if (heading(line) > 0) {
                int level = heading(line);
                String tag = "h" + (level + 3);
                out.append('<').append(tag).append('>').append(escape(line.substring(level).strip())).append("</").append(tag).append('>');
            } else {
                paragraph.add(line);
            }
        }
        if (list != null) {
            out.append("</").append(list).append('>');
        }
        flush(out, paragraph);
        return out.toString();
    }

    private static void flush(StringBuilder out, List<String> paragraph) {
        if (paragraph.isEmpty()) {
            return;
        }
        out.append("<p>");
        for (int i = 0; i < paragraph.size(); i++) {
            if (i > 0) {
                out.append("<br>");
            }
            out.append(escape(paragraph.get(i)));
        }
        out.append("</p>");
        paragraph.clear();
    }

    /** 1 to 3 for a line starting with that many '#' and a space; 0 otherwise. */
    private static int heading(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == '#') {
            n++;
        }
        return n >= 1 && n <= 3 && line.length() > n + 1 && line.charAt(n) == ' ' ? n : 0;
    }

    private static String bullet(String line) {
        return (line.startsWith("- ") || line.startsWith("* ")) && line.length() > 2 ? line.substring(2).strip() : null;
    }

    private static String numbered(String line) {
        int i = 0;
        while (i < line.length() && i < 4 && Character.isDigit(line.charAt(i))) {
            i++;
        }
        if (i == 0 || i + 1 >= line.length() || line.charAt(i) != '.' || line.charAt(i + 1) != ' ') {
            return null;
        }
        String rest = line.substring(i + 2).strip();
        return rest.isEmpty() ? null : rest;
    }

    /** Escapes text for element content and quoted attributes. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
