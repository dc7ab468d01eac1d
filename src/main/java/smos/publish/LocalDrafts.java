package smos.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import smos.request.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Drafts as files beside the local store's history: {@code <folder>/<domain>/<id>.json}, one framed
 * record per draft (its files base64 in the JSON), written crash-safe like every other record of the
 * store (staged, forced, renamed into place), so a crash leaves the draft whole or absent. A damaged
 * file is left out of the listing with a warning: the person uploads again.
 */
final class LocalDrafts implements Drafts {
    private static final Logger LOG = LoggerFactory.getLogger(LocalDrafts.class);
    private static final String SUFFIX = ".json";

    private final Path folder;
    private final Path staging;

    LocalDrafts(Path folder, Path staging) {
        this.folder = folder;
        this.staging = staging;
    }

    @Override
    public void save(Draft draft) {
        try {
            DurableFiles.write(staging, file(draft.domain(), draft.id()),
                    Framed.encode("draft", Json.mapper().writeValueAsBytes(draft)), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a draft is always written as JSON", e);
        } catch (IOException e) {
            throw DurableFiles.failure("the draft cannot be stored", e);
        }
    }

    @Override
    public Optional<Draft> find(String domain, String id) {
        if (!Draft.validId(id) || !validDomain(domain)) {
            return Optional.empty();
        }
        return read(file(domain, id)).filter(d -> d.domain().equals(domain) && d.id().equals(id));
    }

    @Override
    public List<Draft> list(String domain) {
        Path dir = validDomain(domain) ? folder.resolve(domain) : null;
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        List<Draft> drafts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).toList()) {
                read(file).filter(d -> d.domain().equals(domain)).ifPresent(drafts::add);
            }
        } catch (IOException e) {
            throw DurableFiles.failure("the drafts of " + domain + " cannot be listed", e);
        }
        drafts.sort(OLDEST_FIRST);
        return drafts;
    }

    @Override
    public void remove(String domain, String id) {
        if (!Draft.validId(id) || !validDomain(domain)) {
            return;
        }
        try {
            DurableFiles.delete(file(domain, id));
        } catch (IOException e) {
            throw DurableFiles.failure("the draft cannot be removed", e);
        }
    }

    private Optional<Draft> read(Path file) {
        byte[] framed;
        try {
            framed = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw DurableFiles.failure("the draft cannot be read", e);
        }
        try {
            return Optional.of(Json.mapper().readValue(Framed.decode("draft", framed), Draft.class));
        } catch (Framed.DamagedException | IOException | RuntimeException e) {
            LOG.warn("the draft {} is damaged ({}); it is left out", file, e.getMessage());
            return Optional.empty();
        }
    }

    private Path file(String domain, String id) {
        return folder.resolve(domain).resolve(id + SUFFIX);
    }

    /** A domain id as a folder name: no separators, no dots in front (ids are lower-case words). */
    private static boolean validDomain(String domain) {
        return domain != null && domain.matches("[a-z0-9][a-z0-9-]*");
    }
}
