package smos.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Console sessions as files in the local store's folder, one per session, named by the digest of its
 * id (a listing of the folder does not give a cookie away), written crash-safe like every other file
 * of the store, readable by the owner only. A file is four lines: name, role, CSRF token, expiry.
 */
final class LocalConsoleSessions implements ConsoleSessions {
    private final Path folder;
    private final Path staging;

    LocalConsoleSessions(Path folder, Path staging) {
        this.folder = folder;
        this.staging = staging;
    }

    @Override
    public void save(ConsoleSession session) {
        String text = String.join("\n", session.name(), session.role().label(), session.csrf(),
                Long.toString(session.expires().getEpochSecond())) + "\n";
        try {
            DurableFiles.write(staging, file(session.id()), text.getBytes(StandardCharsets.UTF_8),
                    PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw DurableFiles.failure("the console session cannot be stored", e);
        }
    }

    /** A look at every session file: fine for the sign-ins of a team. */
    @Override
    public void removeExpired(Instant now) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.size() == 4 && lines.get(3).matches("\\d{1,18}")
                        && !now.isBefore(Instant.ofEpochSecond(Long.parseLong(lines.get(3))))) {
                    DurableFiles.delete(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a file going away meanwhile (signed out on another server) or unreadable: the next sign-in tries again
        }
    }

    @Override
    public Optional<ConsoleSession> find(String id, Instant now) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file(id), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw DurableFiles.failure("the console session cannot be read", e);
        }
        Optional<AccessRole> role = lines.size() == 4 ? AccessRole.of(lines.get(1)) : Optional.empty();
        if (role.isEmpty()) {
            remove(id); // a damaged session file: the person signs in again
            return Optional.empty();
        }
        ConsoleSession session;
        try {
            session = new ConsoleSession(id, lines.get(0), role.get(), lines.get(2),
                    Instant.ofEpochSecond(Long.parseLong(lines.get(3))));
        } catch (NumberFormatException e) {
            remove(id);
            return Optional.empty();
        }
        if (session.expiredAt(now)) {
            remove(id);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    @Override
    public void remove(String id) {
        if (id == null || id.isBlank()) {
            return;
        }
        try {
            DurableFiles.delete(file(id));
        } catch (IOException e) {
            throw DurableFiles.failure("the console session cannot be removed", e);
        }
    }

    private Path file(String id) {
        return folder.resolve(smos.engine.DomainBundle.sha256(id.getBytes(StandardCharsets.UTF_8)));
    }
}
