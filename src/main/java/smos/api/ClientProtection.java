package smos.api;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.server.handler.ThreadLimitHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.LifeCycle;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Puts {@link ClientLimits} into Jetty, with Jetty's own parts: {@link ThreadLimitHandler} (threads
 * per client address; the others of that address wait without a thread), {@link QoSHandler} (requests
 * served at once, a bounded wait beyond them, then 503), {@link MinimumDataRateHandler} (a body that
 * arrives too slowly is cut off), {@link NetworkConnectionLimit} and the connectors' idle timeout; and
 * {@link ProblemErrorHandler}, so that Jetty's own answers are problem+json too. Javalin puts its
 * routes inside these handlers.
 */
final class ClientProtection {
    private ClientProtection() {
    }

    static void install(JavalinConfig config, ClientLimits limits) {
        ProblemErrorHandler errors = new ProblemErrorHandler();
        config.jetty.modifyServer(server -> {
            server.setErrorHandler(errors);
            server.addBean(new NetworkConnectionLimit(limits.maxConnections(), server));
            server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(LifeCycle event) {
                    // Javalin adds its connector just before it starts the server
                    for (Connector connector : server.getConnectors()) {
                        if (connector instanceof AbstractConnector c) {
                            c.setIdleTimeout(limits.idleTimeout().toMillis());
                        }
                    }
                }
            });
            server.setHandler(handlers(limits));
        });
        config.jetty.modifyHttpConfiguration(http -> {
            http.setIdleTimeout(limits.idleTimeout().toMillis());
            http.setMinRequestDataRate(limits.minRequestBytesPerSecond());
            if (!limits.trustedProxies().isEmpty()) {
                http.addCustomizer(new TrustedProxies(limits.trustedProxies()));
            }
        });
        config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(errors));
    }

    /** Per client first, so that one client's waiting requests never take a place of the others. */
    private static Handler handlers(ClientLimits limits) {
        ThreadLimitHandler perClient = new PerClientThreads();
        perClient.setThreadLimit(limits.threadsPerClient());
        QoSHandler all = new QoSHandler();
        all.setMaxRequestCount(limits.maxActiveRequests());
        all.setMaxSuspendedRequestCount(limits.maxQueuedRequests());
        all.setMaxSuspend(limits.maxQueueWait());
        MinimumDataRateHandler slowBodies = new MinimumDataRateHandler(limits.minRequestBytesPerSecond(), 0);
        perClient.setHandler(all);
        all.setHandler(slowBodies);
        return new TakenRequestsOutwaitIdleTimeout(perClient);
    }

    /**
     * A request the server has taken is not failed by the connection's idle timeout while it waits for
     * its turn. Jetty's servlet layer already ignores that timeout once the application handles a
     * request, but a request waiting for its client's thread ({@link ThreadLimitHandler}) had no one to
     * ask, so Jetty failed it. That mattered when the server stops: Jetty then cuts every connection's
     * idle timeout to a second (so that idle kept-alive connections close), and a request waiting behind
     * its client's slow batch for longer was answered 400 "body could not be read", or was decided and
     * recorded while its client got no answer. A read or write that is under way still gets its timeout
     * (Jetty delivers it there, never to this listener), so a slow client is cut off as before; the wait
     * itself is bounded by the requests ahead of it, {@link QoSHandler}'s own limit and the stop's grace.
     */
    static final class TakenRequestsOutwaitIdleTimeout extends Handler.Wrapper {
        TakenRequestsOutwaitIdleTimeout(Handler next) {
            super(next);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            request.addIdleTimeoutListener(timeout -> false);
            return super.handle(request, response, callback);
        }
    }

    /**
     * Jetty's {@link ThreadLimitHandler} keyed by the request's remote address as {@link TrustedProxies}
     * left it. No forwarded header is read here (that would trust it from anyone). Jetty's own key is the
     * resolved address only, and the address a forwarded header names is unresolved, so without this
     * every request behind a trusted proxy went unlimited.
     */
    static final class PerClientThreads extends ThreadLimitHandler {
        PerClientThreads() {
            super(null, false);
        }

        @Override
        protected String getRemoteIP(Request request) {
            if (request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress remote) {
                return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
            }
            return null;
        }
    }

    /**
     * Applies {@code X-Forwarded-For} / {@code Forwarded} (with Jetty's {@link ForwardedRequestCustomizer})
     * only to requests whose connection comes from a configured proxy.
     */
    static final class TrustedProxies implements HttpConfiguration.Customizer {
        private final Set<InetAddress> proxies = new HashSet<>();
        private final ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();

        TrustedProxies(List<String> addresses) {
            for (String address : addresses) {
                try {
                    proxies.add(InetAddress.getByName(address.trim()));
                } catch (UnknownHostException e) {
                    throw new IllegalArgumentException("not an address of a trusted proxy: " + address, e);
                }
            }
        }

        @Override
        public Request customize(Request request, HttpFields.Mutable responseHeaders) {
            SocketAddress peer = request.getConnectionMetaData().getRemoteSocketAddress();
            if (peer instanceof InetSocketAddress inet && proxies.contains(inet.getAddress())) {
                return forwarded.customize(request, responseHeaders);
            }
            return request;
        }
    }
}
