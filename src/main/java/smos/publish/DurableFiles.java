package smos.publish;

import smos.failure.Failure;
import smos.failure.InsufficientStorageException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;

/**
 * Writing files so that a crash leaves either the old file or the new one: the bytes go to a temporary
 * file in a staging folder (never a domain folder), are forced to the disk, and the file is renamed
 * into place; the folder is forced too, so the rename itself survives a power cut. The JDK has each
 * step but not the sequence, and no library we use offers it with the fsyncs.
 */
final class DurableFiles {
    /** What a new file gets: readable by all, like a file saved from an editor. */
    static final Set<PosixFilePermission> NEW_FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");

    private DurableFiles() {
    }

    /** Writes {@code bytes} to a new temporary file in {@code staging}, forced to disk, with {@code mode}. */
    static Path stage(Path staging, byte[] bytes, Set<PosixFilePermission> mode) throws IOException {
        Files.createDirectories(staging);
        Path temp = staging.resolve(UUID.randomUUID() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        if (mode != null && supportsPosix(temp)) {
            Files.setPosixFilePermissions(temp, mode);
        }
        return temp;
    }

    /** Renames a staged file over {@code target} in one step and forces the folder. */
    static void moveIntoPlace(Path staged, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // another file system than the staging folder's: copy, then rename within the target's folder
            Path sibling = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            Files.copy(staged, sibling, StandardCopyOption.COPY_ATTRIBUTES);
            Files.move(sibling, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(staged);
        }
        forceFolder(target.getParent());
    }

    /** Writes a whole file durably: staged in {@code staging}, then renamed over {@code target}. */
    static void write(Path staging, Path target, byte[] bytes, Set<PosixFilePermission> mode) throws IOException {
        Path staged = stage(staging, bytes, mode);
        try {
            moveIntoPlace(staged, target);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    /** Deletes a file and forces its folder. */
    static void delete(Path target) throws IOException {
        if (Files.deleteIfExists(target)) {
            forceFolder(target.getParent());
        }
    }

    /** The mode a replaced file keeps: its own, or {@link #NEW_FILE_MODE} for a new one. */
    static Set<PosixFilePermission> modeFor(Path target) {
        try {
            return Files.exists(target) && supportsPosix(target) ? Files.getPosixFilePermissions(target) : NEW_FILE_MODE;
        } catch (IOException e) {
            return NEW_FILE_MODE;
        }
    }

    /** Makes a rename or deletion in {@code folder} durable (a no-op where folders cannot be forced). */
    static void forceFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (!isOutOfSpace(e) && folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                throw e;
            }
        }
    }

    /** The failure a write error becomes: 507 when the disk is full, otherwise the store is unavailable. */
    static Failure failure(String what, IOException e) {
        if (isOutOfSpace(e)) {
            return new InsufficientStorageException(what + ": the disk is full (" + e.getMessage() + "); nothing changed");
        }
        return new StoreUnavailableException(what + ": " + e + "; nothing changed", e);
    }

    static boolean isOutOfSpace(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("No space left") || message.contains("Disk quota exceeded")) {
                return true;
            }
        }
        return false;
    }

    private static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
