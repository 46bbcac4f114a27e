package dev.ballast.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One keep-alive HTTP/1.1 connection of the load generator: a plain socket that sends prebuilt
 * request bytes and reads the response with {@link HttpResponseReader}. Deliberately not an HTTP
 * client library: the generator shares the machine's cores with the server it measures, so it
 * spends as little CPU per request as it can (no header maps, no futures), and it speaks exactly
 * HTTP/1.1 with persistent connections, never an h2c upgrade. It counts the TCP connections it
 * opens so the report can show that they were kept alive.
 */
final class HttpConnection implements AutoCloseable {
    private final String host;
    private final int port;
    private Socket socket;
    private OutputStream out;
    private HttpResponseReader reader;
    private boolean used;
    private int opened;

    HttpConnection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** The bytes of a keep-alive HTTP/1.1 POST of a JSON body; {@code authorization} may be null. */
    static byte[] post(String host, int port, String path, String authorization, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("User-Agent: ballast-bench\r\n")
                .append("Accept: application/json\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        head.append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, request, h.length, body.length);
        return request;
    }

    /**
     * Sends one request and reads its response. A kept-alive connection that the server closed
     * while idle fails on its first use; that request is sent once more on a new connection.
     */
    HttpResponseReader.Reply exchange(byte[] request) throws IOException {
        boolean reused = socket != null && used;
        try {
            return once(request);
        } catch (EOFException | SocketException e) {
            close();
            if (!reused) {
                throw e;
            }
            return once(request);
        }
    }

    private HttpResponseReader.Reply once(byte[] request) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(request);
            out.flush();
            HttpResponseReader.Reply reply = reader.next();
            used = true;
            if (reply.close()) {
                close();
            }
            return reply;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(host, port), 10_000);
        s.setSoTimeout(60_000);
        socket = s;
        out = s.getOutputStream();
        reader = new HttpResponseReader(s.getInputStream());
        used = false;
        opened++;
    }

    /** How many TCP connections this connection has opened so far (1 when kept alive throughout). */
    int opened() {
        return opened;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
