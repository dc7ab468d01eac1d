package smos.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Slow-body attackers: {@code connections} sockets bound to 127.0.0.2 and up ({@code perAddress} on
 * each, so the well-behaved client on 127.0.0.1 is never one of them), each announcing a decision
 * body of {@code Content-Length: 100000} and sending one byte of it every {@code byteEvery}
 * milliseconds. A connection the server closes is opened again, so the attack holds its number of
 * connections for as long as it runs. One thread drives them all.
 */
public final class SlowBodyAttack implements AutoCloseable {
    private static final String PATH = "/api/v1/decisions/returns";

    private final int port;
    private final int perAddress;
    private final long byteEvery;
    private final List<Attacker> attackers = new ArrayList<>();
    private final Thread driver;
    private final AtomicLong reconnects = new AtomicLong();
    private volatile boolean running = true;

    public SlowBodyAttack(int port, int connections, int perAddress, long byteEveryMillis) {
        this.port = port;
        this.perAddress = perAddress;
        this.byteEvery = byteEveryMillis;
        for (int i = 0; i < connections; i++) {
            attackers.add(new Attacker(address(i)));
        }
        this.driver = new Thread(this::drive, "slow-body-attack");
        driver.setDaemon(true);
    }

    private InetAddress address(int i) {
        int n = 2 + i / perAddress;
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, (byte) (n / 250), (byte) (n % 250)});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens every connection, then starts sending. */
    public SlowBodyAttack start() {
        for (Attacker attacker : attackers) {
            attacker.open();
        }
        driver.start();
        return this;
    }

    /** Connections open now. */
    public int open() {
        int open = 0;
        for (Attacker attacker : attackers) {
            open += attacker.socket != null ? 1 : 0;
        }
        return open;
    }

    /** Connections the server closed and the attack opened again. */
    public long reconnects() {
        return reconnects.get();
    }

    /** The addresses the attack comes from. */
    public int addresses() {
        return (attackers.size() + perAddress - 1) / perAddress;
    }

    private void drive() {
        while (running) {
            long started = System.currentTimeMillis();
            for (Attacker attacker : attackers) {
                if (!running) {
                    return;
                }
                attacker.trickle();
            }
            long rest = byteEvery - (System.currentTimeMillis() - started);
            if (rest > 0) {
                SmosProcess.sleep(rest);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            driver.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Attacker attacker : attackers) {
            attacker.drop();
        }
    }

    private final class Attacker {
        private final InetAddress from;
        private Socket socket;
        private OutputStream out;

        Attacker(InetAddress from) {
            this.from = from;
        }

        void open() {
            try {
                Socket s = new Socket();
                s.setSoLinger(true, 0);
                s.bind(new InetSocketAddress(from, 0));
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
                out = s.getOutputStream();
                out.write(("POST " + PATH + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                socket = s;
            } catch (IOException e) {
                drop();
            }
        }

        void trickle() {
            if (socket == null) {
                open();
                reconnects.incrementAndGet();
                return;
            }
            try {
                out.write(' ');
                out.flush();
            } catch (IOException closedByServer) {
                drop();
                open();
                reconnects.incrementAndGet();
            }
        }

        void drop() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing an attacker: nothing to do
                }
            }
            socket = null;
        }
    }
}
