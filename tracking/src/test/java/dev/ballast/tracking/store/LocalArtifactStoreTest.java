package dev.ballast.tracking.store;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.tracking.domain.ArtifactFile;
import dev.ballast.tracking.domain.ArtifactStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The local artifact store: round trips, and the refusal of every path that could name a file
 * outside its root. The store sits in {@code <tmp>/artifacts} with a canary file beside it, so
 * every refusal is also checked to leave the outside untouched.
 *
 * <p>Decision documented here: {@code .} segments ({@code a/./b}) are refused like {@code ..},
 * so every artifact has exactly one name; MLflow clients never send them.
 */
class LocalArtifactStoreTest {
    private static final String CANARY_TEXT = "canary: must never be read or written through the store";

    @TempDir
    Path temp;
    private Path outside;
    private Path canary;
    private LocalArtifactStore store;

    @BeforeEach
    void setUp() throws IOException {
        Path root = Files.createDirectory(temp.resolve("artifacts"));
        outside = Files.createDirectory(temp.resolve("outside"));
        canary = Files.writeString(temp.resolve("canary.txt"), CANARY_TEXT);
        Files.writeString(outside.resolve("secret.txt"), CANARY_TEXT);
        store = new LocalArtifactStore(root);
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private String read(String path) throws IOException {
        ArtifactStore.Download d = store.open(path);
        try (InputStream in = d.content()) {
            byte[] all = in.readAllBytes();
            assertEquals(all.length, d.size());
            return new String(all, StandardCharsets.UTF_8);
        }
    }

    @Test
    void roundTripsBinaryContentAndCreatesParentDirectories() throws IOException {
        byte[] data = new byte[300_000];
        new Random(7).nextBytes(data);
        store.write("1/run/artifacts/model/data/weights.bin", new ByteArrayInputStream(data));
        ArtifactStore.Download d = store.open("1/run/artifacts/model/data/weights.bin");
        try (InputStream in = d.content()) {
            assertArrayEquals(data, in.readAllBytes());
        }
        assertEquals(data.length, d.size());
        assertTrue(Files.isDirectory(store.root().resolve("1/run/artifacts/model/data")));
    }

    @Test
    void overwritesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
        store.write("a/file.txt", bytes("first version, longer"));
        store.write("a/file.txt", bytes("second"));
        assertEquals("second", read("a/file.txt"));
        try (Stream<Path> files = Files.list(store.root().resolve("a"))) {
            assertEquals(List.of("file.txt"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void keepsNamesWithSpacesUnicodeAndPercentSigns() throws IOException {
        store.write("dir with space/ünïcødé 模型.txt", bytes("u"));
        store.write("100%/50%.txt", bytes("p"));
        assertEquals("u", read("dir with space/ünïcødé 模型.txt"));
        assertEquals("p", read("100%/50%.txt"));
        assertEquals(List.of(ArtifactFile.file("ünïcødé 模型.txt", 1)), store.list("dir with space"));
    }

    @Test
    void listsOneLevelSortedWithSizesForFilesOnly() {
        store.write("run/b.txt", bytes("12345"));
        store.write("run/a.txt", bytes("1"));
        store.write("run/model/MLmodel", bytes("flavors: {}"));
        store.write("run/model/deeper/x", bytes("x"));
        assertEquals(List.of(ArtifactFile.file("a.txt", 1), ArtifactFile.file("b.txt", 5), ArtifactFile.directory("model")),
                store.list("run"));
        assertEquals(List.of(ArtifactFile.file("MLmodel", 11), ArtifactFile.directory("deeper")), store.list("run/model"));
        assertEquals(List.of(ArtifactFile.directory("run")), store.list(""));
        assertEquals(List.of(ArtifactFile.directory("run")), store.list(null));
    }

    @Test
    void listsNothingForAMissingDirectoryOrAFile() {
        assertEquals(List.of(), store.list("no/such/dir"));
        store.write("f.txt", bytes("x"));
        assertEquals(List.of(), store.list("f.txt"));
    }

    @Test
    void deletesFilesAndWholeTreesAndIgnoresMissingPaths() {
        store.write("run/keep.txt", bytes("k"));
        store.write("run/model/MLmodel", bytes("m"));
        store.write("run/model/sub/x", bytes("x"));
        store.delete("run/model");
        assertEquals(List.of(ArtifactFile.file("keep.txt", 1)), store.list("run"));
        store.delete("run/keep.txt");
        assertEquals(List.of(), store.list("run"));
        store.delete("run/never-existed");
        assertCode(ErrorCode.RESOURCE_DOES_NOT_EXIST, () -> store.open("run/keep.txt"));
    }

    @Test
    void refusesToDownloadADirectoryOrAMissingFile() {
        store.write("d/f", bytes("x"));
        assertCode(ErrorCode.INVALID_PARAMETER_VALUE, () -> store.open("d"));
        assertCode(ErrorCode.RESOURCE_DOES_NOT_EXIST, () -> store.open("d/missing"));
    }

    @Test
    void refusesToWriteOverADirectoryOrBelowAFile() {
        store.write("d/f", bytes("x"));
        assertCode(ErrorCode.INVALID_PARAMETER_VALUE, () -> store.write("d", bytes("y")));
        assertCode(ErrorCode.INVALID_PARAMETER_VALUE, () -> store.write("d/f/g", bytes("y")));
    }

    @Test
    void refusesEveryFormOfTraversalAndMalformedPath() throws IOException {
        List<String> bad = List.of(
                "../canary.txt", "..", "a/../../canary.txt", "a/..", "a/../b", "./a", "a/./b", ".",
                "/etc/passwd", "/", "C:\\Windows\\win.ini", "C:/Windows/win.ini", "c:x",
                "..\\canary.txt", "a\\b", "a//b", "a/", "//server/share",
                "a/\0b", "a\u0001b", "a\nb", "a\u007fb",
                "%2e%2e/canary.txt", "a/%2E%2E/%2e%2e/canary.txt", "..%2fcanary.txt", "a%2F..%2F..%2Fcanary.txt",
                "%252e%252e/canary.txt", "a%5c..%5ccanary.txt",
                LocalArtifactStore.TEMP_PREFIX + "x.tmp", "x/" + "n".repeat(256));
        for (String path : bad) {
            assertCode(ErrorCode.INVALID_PARAMETER_VALUE, () -> store.write(path, bytes("pwned")), "write " + path);
            assertCode(ErrorCode.INVALID_PARAMETER_VALUE, () -> store.open(path), "open " + path);
            assertCode(ErrorCode.INVALID_PARAMETER_VALUE, () -> store.delete(path), "delete " + path);
            assertCode(ErrorCode.INVALID_PARAMETER_VALUE, () -> store.list(path), "list " + path);
        }
        assertCode(ErrorCode.INVALID_PARAMETER_VALUE, () -> store.write("", bytes("x")), "empty path for write");
        assertCode(ErrorCode.INVALID_PARAMETER_VALUE, () -> store.write(null, bytes("x")), "null path for write");
        assertCode(ErrorCode.INVALID_PARAMETER_VALUE, () -> store.delete(""), "deleting the root");
        assertOutsideUntouched();
    }

    @Test
    void refusesSymlinksThatLeadOutsideTheRoot() throws IOException {
        Path dirLink = store.root().resolve("escape");
        Path fileLink = store.root().resolve("passwd");
        try {
            Files.createSymbolicLink(dirLink, outside);
            Files.createSymbolicLink(fileLink, canary);
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("symbolic links not supported here: " + e);
        }
        assertCode(ErrorCode.INVALID_PARAMETER_VALUE, () -> store.open("escape/secret.txt"));
        assertCode(ErrorCode.INVALID_PARAMETER_VALUE, () -> store.open("passwd"));
        assertCode(ErrorCode.INVALID_PARAMETER_VALUE, () -> store.write("escape/secret.txt", bytes("pwned")));
        assertCode(ErrorCode.INVALID_PARAMETER_VALUE, () -> store.write("escape/new/dir/file", bytes("pwned")));
        assertCode(ErrorCode.INVALID_PARAMETER_VALUE, () -> store.list("escape"));
        assertCode(ErrorCode.INVALID_PARAMETER_VALUE, () -> store.delete("escape/secret.txt"));
        assertEquals(List.of(), store.list(""), "links leading outside are not listed");
        assertFalse(Files.exists(outside.resolve("new")), "no directory created outside");

        store.delete("escape");
        assertTrue(Files.isRegularFile(outside.resolve("secret.txt")), "deleting a link never deletes its target");
        assertFalse(Files.exists(dirLink, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        store.write("passwd", bytes("replaces the link, not the target"));
        assertEquals("replaces the link, not the target", read("passwd"));
        assertOutsideUntouched();
    }

    @Test
    void followsSymlinksThatStayInside() throws IOException {
        store.write("real/f.txt", bytes("inside"));
        try {
            Files.createSymbolicLink(store.root().resolve("alias"), store.root().resolve("real"));
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("symbolic links not supported here: " + e);
        }
        assertEquals("inside", read("alias/f.txt"));
        assertEquals(List.of(ArtifactFile.directory("alias"), ArtifactFile.directory("real")), store.list(""));
    }

    private void assertOutsideUntouched() throws IOException {
        assertEquals(CANARY_TEXT, Files.readString(canary));
        assertEquals(CANARY_TEXT, Files.readString(outside.resolve("secret.txt")));
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of("artifacts", "canary.txt", "outside"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (Stream<Path> files = Files.list(outside)) {
            assertEquals(1, files.count());
        }
    }

    private static void assertCode(ErrorCode code, Runnable action) {
        assertCode(code, action, "");
    }

    private static void assertCode(ErrorCode code, Runnable action, String what) {
        try {
            action.run();
        } catch (BallastException e) {
            assertEquals(code, e.code(), what + ": " + e.getMessage());
            return;
        }
        fail(what + ": expected " + code + " but nothing was thrown");
    }

    @Test
    void refusesANullPathWithAClearMessage() {
        BallastException e = assertThrows(BallastException.class, () -> store.open(null));
        assertTrue(e.getMessage().contains("required"), e.getMessage());
    }
}
