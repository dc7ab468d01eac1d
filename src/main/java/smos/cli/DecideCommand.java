package smos.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import smos.request.Json;
import smos.service.BatchDecisions;
import smos.service.BatchItems;
import smos.service.BatchResults;
import smos.service.DecisionService;
import smos.service.Metrics;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "decide", mixinStandardHelpOptions = true,
        description = {"Decide requests read from a file or standard input: NDJSON (one request per line), a JSON "
                + "array, or JSON documents one after the other.",
                "Writes one result per request as NDJSON ({index, rulesetVersion, decision} or {index, error}), "
                        + "a progress bar on a terminal, and a summary on standard error. Exit code 1 if any request failed."})
final class DecideCommand implements Callable<Integer> {
    /** How far ahead the first request is read to tell NDJSON from a pretty-printed document. */
    private static final int LOOKAHEAD = 1 << 20;
    /** An item or line may be as large as a request the service takes over HTTP. */
    private static final long MAX_ITEM_BYTES = smos.api.ApiSettings.DEFAULT_MAX_BODY_BYTES;

    @Mixin
    HomeOption home;

    @Parameters(index = "0", paramLabel = "DOMAIN", description = "The domain, such as returns.")
    String domain;

    @Parameters(index = "1", paramLabel = "FILE", defaultValue = "-",
            description = "The requests; - or absent reads standard input.")
    String file;

    @Option(names = "--trace", description = "Include the fired rules of each decision.")
    boolean trace;

    @Option(names = "--progress", negatable = true, description = "Show a progress bar on standard error "
            + "(default: when standard error is a terminal).")
    Boolean progress;

    @Override
    public Integer call() throws IOException {
        DecisionService service = Services.load(home.resolve());
        int threads = Runtime.getRuntime().availableProcessors();
        java.util.concurrent.ExecutorService workers = BatchDecisions.workerPool(threads);
        BatchDecisions batches = new BatchDecisions(service, new Metrics(), workers, threads);
        PrintStream err = System.err;
        ProgressBar bar = new ProgressBar(err, progress != null ? progress : ProgressBar.stderrIsTerminal());
        try (InputStream raw = file.equals("-") ? System.in : Files.newInputStream(Path.of(file));
             BufferedInputStream in = new BufferedInputStream(raw, LOOKAHEAD + 1);
             OutputStream out = new BufferedOutputStream(new NonClosing(System.out), 1 << 16)) {
            BatchItems items = items(in);
            BatchDecisions.Summary summary = batches.run(domain, items, BatchResults.asNdjson(out),
                    BatchDecisions.Options.unlimited(trace), bar);
            out.flush();
            bar.finish();
            err.printf(Locale.ROOT, "%d items, %d errors, %.2f seconds, %.0f decisions per second%n",
                    summary.items(), summary.errors(), summary.nanos() / 1e9, summary.perSecond());
            return summary.errors() == 0 ? 0 : 1;
        } finally {
            workers.shutdown();
        }
    }

    /** A JSON array, NDJSON, or documents: told apart by the first character and the first line. */
    private static BatchItems items(BufferedInputStream in) throws IOException {
        in.mark(LOOKAHEAD);
        int first;
        do {
            first = in.read();
        } while (first == ' ' || first == '\t' || first == '\r' || first == '\n');
        in.reset();
        if (first == '[') {
            return BatchItems.array(in, MAX_ITEM_BYTES);
        }
        in.mark(LOOKAHEAD);
        byte[] line = firstLine(in);
        in.reset();
        return isCompleteJson(line) ? BatchItems.ndjson(in, MAX_ITEM_BYTES) : BatchItems.documents(in);
    }

    private static byte[] firstLine(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n' && line.size() < LOOKAHEAD - 1; b = in.read()) {
            line.write(b);
        }
        return line.toByteArray();
    }

    private static boolean isCompleteJson(byte[] line) {
        try {
            return Json.mapper().readTree(line) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Keeps System.out open when the command's stream is closed. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
