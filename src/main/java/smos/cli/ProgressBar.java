package smos.cli;

import smos.service.BatchDecisions;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A one-line progress display on standard error (items so far, errors, rate, redrawn at most ten times
 * a second), and the first errors repeated there, so a person sees them without reading the output.
 */
final class ProgressBar implements BatchDecisions.Progress {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int ERRORS_SHOWN = 10;

    private final PrintStream err;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private long lastDraw;
    private long done;
    private long errors;

    ProgressBar(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** True when standard error is a terminal (Linux: fd 2 links to a tty or pts device). */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    @Override
    public void item(long done, long errors) {
        this.done = done;
        this.errors = errors;
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            draw(now);
        }
    }

    @Override
    public void failed(long index, long line, BatchDecisions.ItemError error) {
        if (errors >= ERRORS_SHOWN) {
            return;
        }
        if (enabled) {
            err.print("\r");
        }
        StringBuilder text = new StringBuilder("item " + index + (line > 0 ? " (line " + line + ")" : "") + ": "
                + error.title());
        if (error.errors() != null) {
            error.errors().forEach(e -> text.append("; ").append(e.field()).append(": ").append(e.message()));
        } else if (error.detail() != null) {
            text.append(": ").append(error.detail());
        }
        err.println(text);
    }

    void finish() {
        if (enabled) {
            draw(System.nanoTime());
            err.println();
        }
        if (errors > ERRORS_SHOWN) {
            err.println("... and " + (errors - ERRORS_SHOWN) + " more errors in the output");
        }
    }

    private void draw(long now) {
        double seconds = (now - started) / 1e9;
        int spinner = (int) (seconds * 8) % 4;
        err.printf(Locale.ROOT, "\r%c %,d decided, %,d errors, %.1f s, %,.0f per second   ", "|/-\\".charAt(spinner),
                done, errors, seconds, seconds > 0 ? done / seconds : 0);
        err.flush();
    }
}
