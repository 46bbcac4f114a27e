package dev.ballast.ui.registry;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CardTextTest {

    @Test
    void escapesEveryTagAndAttribute() {
        String html = CardText.html("Hello <script>alert('x')</script> & <img src=x onerror=\"alert(1)\">");
        assertEquals("<p>Hello &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>", html);
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<img"));
    }

    @Test
    void markupInsideListsAndHeadingsIsEscapedToo() {
        String html = CardText.html("# <b>Title</b>\n- <script>x</script>\n1. <i>one</i>");
        assertEquals("<h4>&lt;b&gt;Title&lt;/b&gt;</h4><ul><li>&lt;script&gt;x&lt;/script&gt;</li></ul>"
                + "<ol><li>&lt;i&gt;one&lt;/i&gt;</li></ol>", html);
    }

    @Test
    void paragraphsLineBreaksListsAndHeadings() {
        String html = CardText.html("First line\nsecond line\n\n## Risks\n- drift\n- bias\n\nAfter.\r\n1. a\n2. b");
        assertEquals("<p>First line<br>second line</p><h5>Risks</h5><ul><li>drift</li><li>bias</li></ul><p>After.</p>"
                + "<ol><li>a</li><li>b</li></ol>", html);
    }

    @Test
    void emptyAndBlankGiveNothing() {
        assertEquals("", CardText.html(null));
        assertEquals("", CardText.html("  \n "));
    }

    @Test
    void textThatOnlyLooksLikeMarkupStaysAParagraph() {
        String html = CardText.html("#hashtag\n-dash\n3.14 is pi\n#### deep");
        assertEquals("<p>#hashtag<br>-dash<br>3.14 is pi<br>#### deep</p>", html);
        assertTrue(CardText.html("- item\ntext").startsWith("<ul><li>item</li></ul><p>text</p>"));
    }
}
