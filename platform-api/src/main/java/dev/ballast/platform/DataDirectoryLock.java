package dev.ballast.platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second Ballast process off a data directory that one is already using. The embedded
 * H2 database, the artifact tree and the datasets repository all assume a single writer; a clear
 * refusal at start beats a half-started process or a corrupted file. The OS releases the lock
 * when the process dies, so a crash never leaves a stale lock behind.
 */
public final class DataDirectoryLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Thrown when another live process holds the directory. */
    public static final class AlreadyInUse extends Exception {
        AlreadyInUse(String message) {
            super(message);
        }
    }

    public static DataDirectoryLock acquire(Path home) throws IOException, AlreadyInUse {
        Files.createDirectories(home);
        Path file = home.resolve("ballast.lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
            channel.close();
            throw new AlreadyInUse("The data directory " + home + " is in use by another Ballast process"
                    + (holder.isEmpty() ? "" : " (pid " + holder + ")") + ". Stop it, or set BALLAST_HOME to another directory.");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
        return new DataDirectoryLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
