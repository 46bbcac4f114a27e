package dev.ballast.drift.api.monitor;

import dev.ballast.core.error.BallastException;
import dev.ballast.drift.app.monitor.FieldChange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MonitorFieldsTest {
    private static final Set<String> KNOWN = Set.of("a", "n", "s", "b", "l", "v");

    @Test
    void aFieldSentAsNullIsAChangeToNullAndALeftOutFieldIsNoChange() {
        MonitorFields f = fields("{\"a\":null}");
        FieldChange<Integer> cleared = f.change("a", f::integer);
        assertNull(cleared.value());
        assertNull(f.change("n", f::integer), "left out");
    }

    @Test
    void readsEachTypeStrictly() {
        MonitorFields f = fields("{\"a\":3,\"n\":0.25,\"s\":\"x\",\"b\":false,\"l\":[\"p\",\"q\"],\"v\":\"7\"}");
        assertEquals(3, f.integer("a"));
        assertEquals(0.25, f.number("n"));
        assertEquals(3.0, f.number("a"), "a whole number is a number");
        assertEquals("x", f.string("s"));
        assertEquals(false, f.bool("b"));
        assertEquals(List.of("p", "q"), f.strings("l"));
        assertEquals(7, f.version("v"));
        assertEquals(3, f.version("a"));
        assertEquals(1000, fields("{\"a\":1e3}").integer("a"), "an integral exponent form is whole");
    }

    @Test
    void wrongTypesAndRangesAreRefusedNamingTheField() {
        assertTrue(refused(() -> fields("{\"a\":\"3\"}").integer("a")).contains("'a' must be a whole number, got \"3\""));
        assertTrue(refused(() -> fields("{\"a\":2.5}").integer("a")).contains("'a' must be a whole number"));
        assertTrue(refused(() -> fields("{\"a\":3000000000}").integer("a")).contains("'a' is out of range"));
        assertTrue(refused(() -> fields("{\"n\":\"NaN\"}").number("n")).contains("'n' must be a number"));
        assertTrue(refused(() -> fields("{\"n\":1e999}").number("n")).contains("'n' must be a finite number"));
        assertTrue(refused(() -> fields("{\"b\":\"true\"}").bool("b")).contains("'b' must be true or false"));
        assertTrue(refused(() -> fields("{\"l\":[\"p\",null]}").strings("l")).contains("'l' must be an array of strings"));
        assertTrue(refused(() -> fields("{\"s\":{}}").string("s")).contains("'s' must be a string"));
        assertTrue(refused(() -> fields("{\"v\":\"v3\"}").version("v")).contains("'v' must be a version number"));
    }

    @Test
    void refusesUnknownFieldsRepeatsAndBodiesThatAreNotOneObject() {
        assertTrue(refused(() -> fields("{\"a\":1,\"zz\":2,\"yy\":3}")).contains("Unknown fields [yy, zz] in a test request"));
        assertTrue(refused(() -> fields("{\"a\":1,\"a\":2}")).contains("'a' appears twice"));
        assertTrue(refused(() -> fields("[1]")).contains("must be a JSON object"));
        assertTrue(refused(() -> fields("")).contains("must be a JSON object"));
        assertTrue(refused(() -> fields("{\"a\":")).contains("is not valid JSON"));
        assertTrue(refused(() -> fields("{} {}")).contains("more than one JSON value"));
        assertTrue(refused(() -> fields("{\"a\":NaN}")).contains("is not valid JSON"));
    }

    private static MonitorFields fields(String json) {
        return new MonitorFields(json, KNOWN, "a test request");
    }

    private static String refused(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(BallastException.class, e).getMessage();
    }
}
