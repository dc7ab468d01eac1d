package smos.testing;

import com.fasterxml.jackson.databind.JsonNode;
import smos.request.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP over a bare socket: the bytes of a request written as given (however malformed), the answer
 * read to the end of the connection. What no HTTP client library will send.
 */
public final class RawHttp {
    private RawHttp() {
    }

    /** An answer: status, headers (lower-case names), body. */
    public record Answer(int status, Map<String, String> headers, byte[] body, String raw) {
        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + raw, e);
            }
        }

        @Override
        public String toString() {
            return raw.length() > 800 ? raw.substring(0, 800) + "..." : raw;
        }
    }

    /** Sends {@code request} to localhost:{@code port}, closes the sending side, and reads the first answer. */
    public static Answer exchange(int port, byte[] request) {
        return send(port, request, true);
    }

    /**
     * Sends {@code request} and keeps the connection open without sending more, as a client that stopped
     * mid-body does; reads the answer the server gives (or the end of the connection, or 15 s).
     */
    public static Answer sendAndStall(int port, String request) {
        return send(port, request.getBytes(StandardCharsets.ISO_8859_1), false);
    }

    public static Answer exchange(int port, String request) {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Answer send(int port, byte[] request, boolean closeSending) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            if (closeSending) {
                try {
                    socket.shutdownOutput();
                } catch (IOException closedAlready) {
                    // the server may have answered and closed before the whole request was written
                }
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // what arrived before a reset or the deadline is the answer
        }
        return out.toByteArray();
    }

    static Answer parse(byte[] bytes) {
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = raw.indexOf("\r\n\r\n");
        if (!raw.startsWith("HTTP/1.") || end < 0) {
            return new Answer(-1, Map.of(), new byte[0], raw);
        }
        String[] lines = raw.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] rest = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(rest);
        } else if (headers.containsKey("content-length")) {
            body = java.util.Arrays.copyOf(rest, Math.min(rest.length, Integer.parseInt(headers.get("content-length"))));
        } else {
            body = rest;
        }
        return new Answer(status, headers, body, raw);
    }

    private static byte[] dechunk(byte[] rest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < rest.length) {
            int lineEnd = indexOf(rest, at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(new String(rest, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(rest, lineEnd + 2, Math.min(size, rest.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
