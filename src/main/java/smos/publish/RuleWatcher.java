package smos.publish;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import smos.engine.DomainLayout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches {@code rules/}, {@code decision-tables/} and {@code scenarios/} of every domain. Editors
 * save through temporary files and renames, so a domain is rebuilt only once its folders have been
 * quiet for the debounce delay, on a background thread, never on the request path.
 */
public final class RuleWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RuleWatcher.class);
    private static final String[] FOLDERS = {DomainLayout.RULES_DIR, DomainLayout.TABLES_DIR, DomainLayout.SCENARIOS_DIR};

    private final Path home;
    private final Collection<String> domains;
    private final Duration quiet;
    private final Consumer<String> rebuild;
    private final WatchService watcher;
    private final Map<WatchKey, Path> watched = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "smos-reload");
        t.setDaemon(true);
        return t;
    });
    private final Thread loop;

    public RuleWatcher(Path home, Collection<String> domains, Duration quiet, Consumer<String> rebuild) {
        this.home = home;
        this.domains = domains;
        this.quiet = quiet;
        this.rebuild = rebuild;
        try {
            this.watcher = FileSystems.getDefault().newWatchService();
            for (String folder : FOLDERS) {
                Path top = home.resolve(folder);
                Files.createDirectories(top);
                register(top);
                for (String domain : domains) {
                    Path dir = top.resolve(domain);
                    if (Files.isDirectory(dir)) {
                        register(dir);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + home, e);
        }
        this.loop = new Thread(this::run, "smos-watch");
        loop.setDaemon(true);
        loop.start();
    }

    private void register(Path dir) throws IOException {
        WatchKey key = dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                StandardWatchEventKinds.ENTRY_MODIFY);
        watched.put(key, dir);
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Path dir = watched.get(key);
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (dir != null && event.context() instanceof Path name) {
                        changed(dir, dir.resolve(name));
                    }
                }
                if (!key.reset()) {
                    watched.remove(key);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void changed(Path dir, Path path) {
        Path relative = home.relativize(path);
        if (relative.getNameCount() < 2) {
            return;
        }
        String domain = relative.getName(1).toString();
        if (!domains.contains(domain)) {
            return;
        }
        if (relative.getNameCount() == 2 && Files.isDirectory(path)) {
            try {
                register(path); // a domain folder created after start-up
            } catch (IOException e) {
                LOG.warn("cannot watch {}: {}", path, e.getMessage());
            }
        }
        schedule(domain);
    }

    /** Restarts the domain's quiet period: the rebuild runs once the saves have settled. */
    private void schedule(String domain) {
        pending.compute(domain, (key, previous) -> {
            if (previous != null) {
                previous.cancel(false);
            }
            return scheduler.schedule(() -> {
                pending.remove(domain);
                try {
                    rebuild.accept(domain);
                } catch (RuntimeException e) {
                    LOG.error("rebuilding {} after a file change failed", domain, e);
                }
            }, quiet.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.debug("closing the watcher: {}", e.getMessage());
        }
        scheduler.shutdownNow();
        loop.interrupt();
    }
}
