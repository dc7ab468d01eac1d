package smos.testing;

import com.fasterxml.jackson.databind.JsonNode;
import smos.request.Json;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Clients posting decisions to several replicas as a load balancer sends them: each request goes to the
 * next replica in turn, and a connection that is refused (a replica stopped or stopping) is tried on the
 * next one, as a balancer retries a request that never reached a server. A request that got not a
 * single byte back (a connection the server closed as the request went out on it: a stopping server
 * closes the connections it has not read a request from, and TCP cannot tell that from one the
 * client had just opened) is sent again too, as a balancer's retry on an empty response does
 * (HAProxy's {@code retry-on empty-response}); a decision is safe to send twice, since deciding
 * changes nothing but the log. Those are counted apart ({@link #unanswered()}), for a test to bound.
 * Anything else (a connection cut after bytes came back, a status other than 200, an answer that is not
 * a whole decision) is a failure, kept with its reason.
 */
public final class BalancedLoad implements AutoCloseable {
    private final List<String> baseUrls;
    private final String path;
    private final IntFunction<String> body;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> decisionIds = new ConcurrentLinkedQueue<>();
    private final List<Thread> clients = new ArrayList<>();

    /** Starts {@code clients} threads posting {@code body(n)} to {@code path} of the replicas at {@code baseUrls}. */
    public BalancedLoad(List<String> baseUrls, String path, IntFunction<String> body, int clients) {
        this.baseUrls = List.copyOf(baseUrls);
        this.path = path;
        this.body = body;
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(this::run, "balanced-client-" + c);
            thread.setDaemon(true);
            thread.start();
            this.clients.add(thread);
        }
    }

    public long answered() {
        return answered.get();
    }

    /** Requests sent again to the next replica because one refused the connection. */
    public long retried() {
        return retried.get();
    }

    /** Requests sent again to the next replica because one closed the connection without a byte of answer. */
    public long unanswered() {
        return unanswered.get();
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** The decisionId of every decision answered 200. */
    public List<String> decisionIds() {
        return List.copyOf(decisionIds);
    }

    /** Waits until {@code more} further decisions have been answered; fails past {@code timeout}. */
    public void awaitAnswered(long more, Duration timeout) throws InterruptedException {
        long target = answered.get() + more;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (answered.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + answered.get() + " of " + target + " decisions answered within "
                        + timeout + "; failures: " + failures());
            }
            Thread.sleep(20);
        }
    }

    private void run() {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        while (running.get()) {
            long n = sequence.getAndIncrement();
            String json = body.apply((int) n);
            int first = (int) (n % baseUrls.size());
            boolean done = false;
            for (int attempt = 0; attempt < baseUrls.size() && !done && running.get(); attempt++) {
                String url = baseUrls.get((first + attempt) % baseUrls.size()) + path;
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
                    done = true;
                    JsonNode answer = r.statusCode() == 200 ? Json.mapper().readTree(r.body()) : null;
                    if (answer == null || !answer.has("decision") || !answer.has("decisionId")) {
                        failures.add(url + ": " + r.statusCode() + " " + r.body());
                    } else {
                        decisionIds.add(answer.path("decisionId").asText());
                        answered.incrementAndGet();
                    }
                } catch (IOException e) {
                    if (refused(e)) {
                        retried.incrementAndGet();
                    } else if (closedUnanswered(e)) {
                        unanswered.incrementAndGet();
                    } else {
                        done = true;
                        failures.add(url + ": " + e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (!done && running.get()) {
                failures.add("request " + n + ": every replica refused the connection");
            }
        }
    }

    /** A connection the server refused: the request never reached it, so any client may send it elsewhere. */
    public static boolean refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** A connection closed with not a byte of answer (the JDK client's words for it). */
    public static boolean closedUnanswered(IOException e) {
        return String.valueOf(e.getMessage()).contains("received no bytes");
    }

    /** Stops the clients after their requests in flight. */
    @Override
    public void close() {
        running.set(false);
        for (Thread t : clients) {
            try {
                t.join(150_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
