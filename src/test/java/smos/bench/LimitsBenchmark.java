package smos.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import smos.request.Json;
import smos.request.RequestReader;
import smos.returns.ReturnsRequest;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The limits SMOS is measured against on the returns mix: the policy written by hand in Java (the
 * physical limit), and Jackson alone parsing each request and writing a result of the same size (the
 * JSON limit of a batch item).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LimitsBenchmark {

    @State(Scope.Benchmark)
    public static class Mix {
        List<byte[]> json;
        List<ReturnsRequest> typed;
        RequestReader<ReturnsRequest> reader;
        List<byte[]> compensation;
        RequestReader<?> compensationReader;

        @Setup(Level.Trial)
        @SuppressWarnings("unchecked")
        public void load() throws IOException {
            json = BenchRequests.json("returns");
            typed = (List<ReturnsRequest>) (List<?>) BenchRequests.typed(BenchRequests.domain("returns"));
            reader = new RequestReader<>(ReturnsRequest.class);
            compensation = BenchData.compensationStatements(200);
            compensationReader = new RequestReader<>(BenchRequests.domain("compensation").requestType());
        }
    }

    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int next(int size) {
            int i = next;
            next = i + 1 == size ? 0 : i + 1;
            return i;
        }
    }

    @Benchmark
    public Object handWrittenReturns(Mix mix, Cursor cursor) {
        return HandWrittenReturns.decide(mix.typed.get(cursor.next(mix.typed.size())).claim());
    }

    /** Parse a returns request (typed, validated) and write a result of the same shape: no rules. */
    @Benchmark
    public Object jsonOnlyReturns(Mix mix, Cursor cursor) throws IOException {
        ReturnsRequest request = mix.reader.read(mix.json.get(cursor.next(mix.json.size())));
        return Json.mapper().writeValueAsBytes(request);
    }

    /** The same for a compensation statement of 50 deals. */
    @Benchmark
    public Object jsonOnlyCompensation(Mix mix, Cursor cursor) throws IOException {
        Object request = mix.compensationReader.read(mix.compensation.get(cursor.next(mix.compensation.size())));
        return Json.mapper().writeValueAsBytes(request);
    }
}
