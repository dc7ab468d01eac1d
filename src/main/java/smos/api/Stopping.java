package smos.api;

/**
 * A server told to stop first drains: for a moment it goes on answering, but every answer says
 * {@code Connection: close} and {@code /health/ready} says 503, so that clients and load balancers open
 * their next connection elsewhere while this one still answers. Without it, the stop closes kept-alive
 * connections that sit idle in a client's pool, and a request sent on one at that instant gets no answer
 * at all: HTTP/1.1 cannot tell a client that an idle connection is closing, and a POST cannot be sent
 * again blindly. After the drain the port closes (new connections are refused, which every client can
 * retry elsewhere) and the requests in flight finish.
 */
public final class Stopping {
    private volatile boolean draining;

    /** From now on answers close their connection and the server reports itself not ready. */
    public void drain() {
        draining = true;
    }

    boolean draining() {
        return draining;
    }
}
