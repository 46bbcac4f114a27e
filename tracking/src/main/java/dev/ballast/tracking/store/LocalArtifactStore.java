package dev.ballast.tracking.store;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.core.storage.DataLayout;
import dev.ballast.tracking.domain.ArtifactFile;
import dev.ballast.tracking.domain.ArtifactStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The artifact store on the local disk, under {@link DataLayout#artifacts()}: what the MLflow
 * tracking server does with {@code --serve-artifacts} and a local artifact root.
 *
 * <p>Artifact paths come straight from HTTP clients, so this class is the one place that turns
 * them into files, and it trusts none of them. {@link #resolve} accepts only relative,
 * slash-separated paths whose segments are plain names: no absolute paths or drive letters, no
 * {@code ..} and no {@code .} segments (so every file has exactly one name; a segment that
 * percent-decodes to one of those, or to a slash, is refused too), no empty segments
 * ({@code a//b}), no backslashes, NUL or other control characters. The result must still lie
 * under the root after normalisation, and the real path of the nearest existing ancestor must
 * too, so a symbolic link placed in the store cannot lead reads, writes, listings or deletes
 * outside it. Everything else (spaces, unicode, {@code %} in names) is kept as given.
 *
 * <p>Uploads are streamed into a temporary file next to the target and moved into place
 * atomically, so readers never see half a file. Temporary files carry a reserved prefix that
 * listings hide and artifact names may not use.
 */
@Singleton
public class LocalArtifactStore implements ArtifactStore {
    static final String TEMP_PREFIX = ".ballast-upload-";
    private static final int MAX_SEGMENT_BYTES = 255;
    private static final int MAX_PATH_CHARS = 4096;
    private static final int BUFFER = 64 * 1024;

    private final Path root;

    @Inject
    public LocalArtifactStore(DataLayout layout) {
        this(layout.artifacts());
    }

    /** A store on any existing directory (tests, tools). */
    public LocalArtifactStore(Path root) {
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("artifact root " + root + " does not exist", e);
        }
    }

    /** The directory this store keeps its files in (its real path). */
    public Path root() {
        return root;
    }

    @Override
    public void write(String path, InputStream content) {
        Path target = resolve(path, false);
        Path parent = target.getParent();
        requireContained(parent, path);
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw BallastException.invalid("Cannot write artifact '" + shown(path) + "': a directory of that name exists.");
        }
        try {
            Files.createDirectories(parent);
        } catch (FileAlreadyExistsException | NotDirectoryException e) {
            throw BallastException.invalid("Cannot write artifact '" + shown(path) + "': a file is in the way of its directory.");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create artifact directory for " + path, e);
        }
        requireContained(parent, path);
        Path temp = parent.resolve(TEMP_PREFIX + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                copy(content, out);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write artifact " + path, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Copies the upload, telling a client that stopped sending (400) from a failing disk (500). */
    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException e) {
                throw new BallastException(ErrorCode.BAD_REQUEST, "The upload was interrupted before the whole body arrived.", e);
            }
            if (n < 0) {
                return;
            }
            out.write(buffer, 0, n);
        }
    }

    @Override
    public Download open(String path) {
        Path target = resolve(path, false);
        requireContained(target, path);
        if (!Files.exists(target)) {
            throw notFound(path);
        }
        if (Files.isDirectory(target)) {
            throw BallastException.invalid("Artifact '" + shown(path) + "' is a directory; list it instead of downloading it.");
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(target, BasicFileAttributes.class);
            return new Download(Files.newInputStream(target), attributes.size(), attributes.lastModifiedTime().toMillis());
        } catch (NoSuchFileException e) {
            throw notFound(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read artifact " + path, e);
        }
    }

    @Override
    public List<ArtifactFile> list(String dir) {
        Path directory = resolve(dir, true);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        requireContained(directory, dir);
        List<ArtifactFile> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(TEMP_PREFIX)) {
                    entry(entry, name, out);
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list artifacts in " + dir, e);
        }
        out.sort(Comparator.comparing(ArtifactFile::path));
        return out;
    }

    /** Adds one listing entry; links are described by what they point to, and left out if that is outside the store. */
    private void entry(Path entry, String name, List<ArtifactFile> out) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink()) {
                Path real = entry.toRealPath();
                if (!real.startsWith(root)) {
                    return;
                }
                attributes = Files.readAttributes(real, BasicFileAttributes.class);
            }
        } catch (NoSuchFileException e) {
            return; // deleted meanwhile, or a dangling link
        }
        out.add(attributes.isDirectory() ? ArtifactFile.directory(name) : ArtifactFile.file(name, attributes.size()));
    }

    @Override
    public void delete(String path) {
        Path target = resolve(path, false);
        requireContained(target.getParent(), path);
        try {
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(target);
            } else {
                Files.deleteIfExists(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete artifact " + path, e);
        }
    }

    /** Deletes a tree without following links: a link inside is removed, never what it points to. */
    private static void deleteTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * The one gate from an artifact path to a file: validates {@code path} as described on the
     * class and answers the file under the root it names. {@code allowRoot} lets an empty or
     * null path name the root itself (listings); everywhere else a path is required.
     */
    Path resolve(String path, boolean allowRoot) {
        if (path == null || path.isEmpty()) {
            if (allowRoot) {
                return root;
            }
            throw BallastException.invalid("An artifact path is required.");
        }
        if (path.length() > MAX_PATH_CHARS) {
            throw BallastException.invalid("Invalid artifact path: longer than " + MAX_PATH_CHARS + " characters.");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw BallastException.invalid("Invalid artifact path: control characters (including NUL) are not allowed.");
            }
            if (c == '\\') {
                throw invalidPath(path, "backslashes are not allowed; separate directories with '/'");
            }
        }
        if (path.startsWith("/")) {
            throw invalidPath(path, "it must be relative, not absolute");
        }
        String[] segments = path.split("/", -1);
        if (segments[0].length() >= 2 && segments[0].charAt(1) == ':' && Character.isLetter(segments[0].charAt(0))) {
            throw invalidPath(path, "it must be relative, not start with a drive letter");
        }
        Path resolved = root;
        for (String segment : segments) {
            checkSegment(path, segment);
            try {
                resolved = resolved.resolve(segment);
            } catch (InvalidPathException e) {
                throw invalidPath(path, "'" + shown(segment) + "' is not a valid file name here");
            }
        }
        Path normalized = resolved.normalize();
        if (!normalized.startsWith(root) || normalized.equals(root) || !normalized.equals(resolved)) {
            throw invalidPath(path, "it leads outside the artifact store");
        }
        return normalized;
    }

    private static void checkSegment(String path, String segment) {
        if (segment.isEmpty()) {
            throw invalidPath(path, "empty path segments ('//' or a trailing '/') are not allowed");
        }
        if (segment.equals("..") || segment.equals(".")) {
            throw invalidPath(path, "'.' and '..' segments are not allowed");
        }
        if (segment.indexOf('%') >= 0) {
            String decoded = percentDecoded(segment);
            if (decoded.equals("..") || decoded.equals(".") || decoded.indexOf('/') >= 0 || decoded.indexOf('\\') >= 0
                    || decoded.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw invalidPath(path, "a segment that decodes to '.', '..', a separator or a control character is not allowed");
            }
        }
        if (segment.startsWith(TEMP_PREFIX)) {
            throw invalidPath(path, "names starting with '" + TEMP_PREFIX + "' are reserved for uploads in progress");
        }
        if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
            throw invalidPath(path, "a name is longer than " + MAX_SEGMENT_BYTES + " bytes");
        }
    }

    /** Decodes %XX escapes (repeatedly, to see through double encoding); malformed escapes stay as they are. */
    private static String percentDecoded(String s) {
        String current = s;
        for (int round = 0; round < 3 && current.indexOf('%') >= 0; round++) {
            StringBuilder sb = new StringBuilder(current.length());
            for (int i = 0; i < current.length(); i++) {
                char c = current.charAt(i);
                if (c == '%' && i + 2 < current.length() && hex(current.charAt(i + 1)) >= 0 && hex(current.charAt(i + 2)) >= 0) {
                    sb.append((char) (hex(current.charAt(i + 1)) * 16 + hex(current.charAt(i + 2))));
                    i += 2;
                } else {
                    sb.append(c);
                }
            }
            String next = sb.toString();
            if (next.equals(current)) {
                break;
            }
            current = next;
        }
        return current;
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /**
     * Refuses the operation when the real location of {@code path} (or of its nearest existing
     * ancestor, if it does not exist yet) is outside the root, i.e. when a symbolic link leads out.
     */
    private void requireContained(Path path, String given) {
        Path existing = path;
        while (!existing.equals(root) && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (IOException e) {
            throw invalidPath(given, "it passes through a broken link");
        }
        if (!real.startsWith(root)) {
            throw invalidPath(given, "it leads outside the artifact store through a link");
        }
    }

    private static BallastException notFound(String path) {
        return BallastException.notFound("No artifact at path '" + shown(path) + "'.");
    }

    private static BallastException invalidPath(String path, String why) {
        return BallastException.invalid("Invalid artifact path '" + shown(path) + "': " + why + ".");
    }

    private static String shown(String path) {
        return path.length() > 200 ? path.substring(0, 200) + "..." : path;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is hidden from listings and harmless
        }
    }
}
