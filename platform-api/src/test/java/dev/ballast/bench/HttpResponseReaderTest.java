package dev.ballast.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpResponseReaderTest {
    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\ncontent-length: 11\r\n\r\n{\"ok\":true}";

    @Test
    void readsBackToBackResponsesWithContentLengthOnOneConnection() throws IOException {
        String notFound = "HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\n{}";
        HttpResponseReader reader = reader(OK + notFound + OK);
        HttpResponseReader.Reply first = reader.next();
        assertEquals(200, first.status());
        assertEquals(OK.length(), first.bytes());
        assertFalse(first.close());
        assertTrue(first.ok());
        HttpResponseReader.Reply second = reader.next();
        assertEquals(404, second.status());
        assertFalse(second.ok());
        assertEquals(notFound.length(), second.bytes());
        assertEquals(200, reader.next().status());
        assertThrows(EOFException.class, reader::next, "the connection ended");
    }

    @Test
    void readsChunkedBodiesWithExtensionsAndTrailers() throws IOException {
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n";
        HttpResponseReader reader = reader(chunked + OK);
        assertEquals(chunked.length(), reader.next().bytes());
        assertEquals(OK.length(), reader.next().bytes(), "and the next response starts right after");
    }

    @Test
    void notesWhenTheServerClosesTheConnection() throws IOException {
        assertTrue(reader("HTTP/1.1 503 Busy\r\nConnection: close\r\nContent-Length: 0\r\n\r\n").next().close());
        assertTrue(reader("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n").next().close(), "HTTP/1.0 closes by default");
        assertFalse(reader("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n").next().close());
        HttpResponseReader.Reply untilEof = reader("HTTP/1.1 200 OK\r\n\r\nbody until the end").next();
        assertTrue(untilEof.close());
        assertEquals("HTTP/1.1 200 OK\r\n\r\nbody until the end".length(), untilEof.bytes());
    }

    @Test
    void aBodylessStatusHasNoBody() throws IOException {
        HttpResponseReader reader = reader("HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n" + OK);
        assertEquals(204, reader.next().status());
        assertEquals(200, reader.next().status());
    }

    @Test
    void readsAResponseThatArrivesOneByteAtATime() throws IOException {
        byte[] bytes = (OK + OK).getBytes(StandardCharsets.ISO_8859_1);
        InputStream trickle = new InputStream() {
            private int at;

            @Override
            public int read() {
                return at < bytes.length ? bytes[at++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at >= bytes.length) {
                    return -1;
                }
                b[off] = bytes[at++];
                return 1;
            }
        };
        HttpResponseReader reader = new HttpResponseReader(trickle);
        assertEquals(OK.length(), reader.next().bytes());
        assertEquals(OK.length(), reader.next().bytes());
    }

    @Test
    void refusesWhatIsNotHttpAndTruncatedBodies() {
        assertThrows(IOException.class, () -> reader("SSH-2.0-OpenSSH\r\n\r\n").next());
        assertThrows(EOFException.class, () -> reader("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort").next());
        assertThrows(EOFException.class, () -> reader("HTTP/1.1 200 OK\r\nContent-Le").next());
    }

    private static HttpResponseReader reader(String wire) {
        return new HttpResponseReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)));
    }
}
