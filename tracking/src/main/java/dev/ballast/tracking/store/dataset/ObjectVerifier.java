package dev.ballast.tracking.store.dataset;

import dev.ballast.tracking.domain.dataset.DatasetRepository.Check;
import dev.ballast.tracking.domain.dataset.DatasetRepository.VerifyReport;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Recomputes the SHA-1 of a version's stored objects (commit, tree, blob) from their bytes on
 * disk, the way {@code git fsck} would, instead of trusting the ids the files are stored under:
 * an edited or corrupted object file in the data directory then shows up as a mismatch.
 */
final class ObjectVerifier {
    private final Repository repo;

    ObjectVerifier(Repository repo) {
        this.repo = repo;
    }

    VerifyReport verify(String branch, String commitId, String path, String expectedDigest, String expectedSha256) {
        List<Check> checks = new ArrayList<>();
        String recomputedDigest = null;
        try (ObjectReader reader = repo.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            ObjectId commit = ObjectId.fromString(commitId);
            if (!checkObject(reader, commit, Constants.OBJ_COMMIT, "commit object", checks)) {
                return new VerifyReport(false, expectedDigest, null, checks);
            }
            RevCommit parsed = walk.parseCommit(commit);
            if (!checkObject(reader, parsed.getTree(), Constants.OBJ_TREE, "tree object", checks)) {
                return new VerifyReport(false, expectedDigest, null, checks);
            }
            try (TreeWalk tree = TreeWalk.forPath(reader, path, parsed.getTree())) {
                String entry = tree == null ? null : tree.getObjectId(0).name();
                checks.add(new Check("tree entry", expectedDigest.equals(entry), entry == null
                        ? "the commit's tree has no file '" + path + "'"
                        : "'" + path + "' -> blob " + entry + (expectedDigest.equals(entry) ? "" : ", recorded digest " + expectedDigest)));
                if (entry == null) {
                    return new VerifyReport(false, expectedDigest, null, checks);
                }
            }
            String[] hashes = hashBlob(reader.open(ObjectId.fromString(expectedDigest)));
            recomputedDigest = hashes[0];
            checks.add(new Check("content", expectedDigest.equals(recomputedDigest),
                    "git blob id of the stored content is " + recomputedDigest + ", recorded digest " + expectedDigest));
            checks.add(new Check("content sha256", expectedSha256.equals(hashes[1]),
                    "SHA-256 of the stored content is " + hashes[1] + ", recorded " + expectedSha256));
            Ref head = repo.exactRef(branch);
            boolean onBranch = head != null && walk.isMergedInto(walk.parseCommit(commit), walk.parseCommit(head.getObjectId()));
            checks.add(new Check("on dataset branch", onBranch, onBranch ? "reachable from " + Repository.shortenRefName(branch)
                    : "not reachable from " + Repository.shortenRefName(branch)));
        } catch (Exception e) {
            checks.add(new Check("read objects", false, "cannot read the stored objects: " + e.getMessage()));
        }
        boolean ok = !checks.isEmpty() && checks.stream().allMatch(Check::ok);
        return new VerifyReport(ok, expectedDigest, recomputedDigest, checks);
    }

    private static boolean checkObject(ObjectReader reader, AnyObjectId id, int type, String name, List<Check> checks) {
        try {
            String recomputed = hash(reader.open(id), type);
            boolean ok = recomputed.equals(id.name());
            checks.add(new Check(name, ok, ok ? id.name() : "stored as " + id.name() + " but its bytes hash to " + recomputed));
            return ok;
        } catch (Exception e) {
            checks.add(new Check(name, false, "cannot read " + id.name() + ": " + e.getMessage()));
            return false;
        }
    }

    /** The git object id of the loader's bytes: SHA-1 over "TYPE SIZE\0" and the content, streamed. */
    static String hash(ObjectLoader loader, int type) throws Exception {
        return digest(loader, type, null);
    }

    /** A blob's git id and the SHA-256 of its content, in one pass. */
    private static String[] hashBlob(ObjectLoader loader) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        String id = digest(loader, Constants.OBJ_BLOB, sha256);
        return new String[] {id, HexFormat.of().formatHex(sha256.digest())};
    }

    private static String digest(ObjectLoader loader, int type, MessageDigest alsoContent) throws Exception {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        long size = loader.getSize();
        sha1.update((Constants.typeString(type) + " " + size + "\0").getBytes(StandardCharsets.US_ASCII));
        long seen = 0;
        try (InputStream in = loader.openStream()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha1.update(buffer, 0, n);
                if (alsoContent != null) {
                    alsoContent.update(buffer, 0, n);
                }
                seen += n;
            }
        }
        if (seen != size) {
            throw new java.io.IOException("the object's header says " + size + " bytes but it holds " + seen);
        }
        return HexFormat.of().formatHex(sha1.digest());
    }
}
