package smos.publish;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A record file that says when it is damaged: a header line {@code smos-<kind> 1 <length> <sha256>},
 * then the JSON body and a newline. A file cut short, a flipped byte or bytes appended show as a
 * length or checksum that does not match, and are reported instead of half-read.
 */
final class Framed {
    private static final String FORMAT = "1";

    private Framed() {
    }

    /** Why a record or a line cannot be used. */
    static final class DamagedException extends Exception {
        DamagedException(String reason) {
            super(reason);
        }
    }

    static byte[] encode(String kind, byte[] body) {
        byte[] header = ("smos-" + kind + " " + FORMAT + " " + body.length + " " + smos.engine.DomainBundle.sha256(body) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] framed = Arrays.copyOf(header, header.length + body.length + 1);
        System.arraycopy(body, 0, framed, header.length, body.length);
        framed[framed.length - 1] = '\n';
        return framed;
    }

    /** The body of a framed record, checked against its header. */
    static byte[] decode(String kind, byte[] framed) throws DamagedException {
        int newline = indexOf(framed, (byte) '\n');
        if (newline < 0) {
            throw new DamagedException(framed.length == 0 ? "empty" : "no header line (cut short?)");
        }
        String[] header = new String(framed, 0, newline, StandardCharsets.ISO_8859_1).split(" ");
        if (header.length != 4 || !header[0].equals("smos-" + kind) || !header[1].equals(FORMAT)) {
            throw new DamagedException("header is not 'smos-" + kind + " " + FORMAT + " <length> <sha256>'");
        }
        long length;
        try {
            length = Long.parseLong(header[2]);
        } catch (NumberFormatException e) {
            throw new DamagedException("header length '" + header[2] + "' is not a number");
        }
        int start = newline + 1;
        if (length != framed.length - start - 1L) {
            throw new DamagedException("holds " + Math.max(0, framed.length - start - 1) + " bytes where its header says "
                    + length + " (cut short or appended to)");
        }
        byte[] body = Arrays.copyOfRange(framed, start, framed.length - 1);
        if (!smos.engine.DomainBundle.sha256(body).equals(header[3])) {
            throw new DamagedException("checksum does not match its content (a changed byte)");
        }
        return body;
    }

    /** Checks that bytes are well-formed UTF-8, naming the first bad byte. */
    static void requireUtf8(byte[] bytes) throws DamagedException {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new DamagedException("invalid UTF-8");
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
