package dev.ballast.ui.shell;

import dev.ballast.core.error.BallastException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FormFieldsTest {

    @Test
    void decodesPercentAndPlusEncodingAsBrowsersAndHtmxSendIt() {
        FormFields f = FormFields.parse("alias=champion&reason=Gates%20pass%3B%20r2+up&empty=&flag&x=%3Cscript%3E");
        assertEquals("champion", f.get("alias"));
        assertEquals("Gates pass; r2 up", f.get("reason"));
        assertEquals("", f.get("empty"));
        assertEquals("", f.get("flag"));
        assertEquals("<script>", f.get("x"));
        assertNull(f.get("missing"));
    }

    @Test
    void utf8AndRepeatedFields() {
        FormFields f = FormFields.parse("comment=%C3%BCber%20%E2%9C%93&comment=second");
        assertEquals("über ✓", f.get("comment"));
        assertNull(FormFields.parse(null).get("comment"));
    }

    @Test
    void aBrokenEscapeIsABadRequest() {
        assertThrows(BallastException.class, () -> FormFields.parse("comment=%E2%9"));
    }
}
