package dev.ballast.tracking.store.dataset;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.core.storage.DataLayout;
import dev.ballast.tracking.domain.dataset.DatasetRepository;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Ballast's own git repository of dataset content, a bare repository at
 * {@code <datasets dir>/repo.git} written with JGit. Every dataset is the branch
 * {@code datasets/NAME}; each commit's tree holds exactly one file, the dataset's content.
 * Plain git reads it: {@code git --git-dir=<dir> log datasets/NAME}, {@code git cat-file -p <commit>}.
 *
 * <p>Loose objects are compressed at {@code ballast.datasets.git-compression} (zlib level 0-9).
 * The default is 0, stored without compression: deflate is the slowest step of an upload (about
 * 90 MB/s at level 1 on one core, against ~190 MB/s for git's collision-detecting SHA-1), so
 * operators trade disk for upload speed explicitly by raising it.
 */
@Singleton
public class GitDatasetRepository implements DatasetRepository {
    private static final Logger LOG = LoggerFactory.getLogger(GitDatasetRepository.class);
    static final String BRANCH_PREFIX = Constants.R_HEADS + "datasets/";
    private static final String COMMITTER_EMAIL = "ballast@localhost";

    private final Path dir;
    private final Repository repo;
    private final LooseObjectWriter blobs;

    public GitDatasetRepository(DataLayout layout, @Value("${ballast.datasets.git-compression:0}") int compression) {
        this.dir = layout.datasets().resolve("repo.git");
        try {
            this.repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
            if (!Files.exists(dir.resolve("HEAD"))) {
                repo.create(true);
                LOG.info("Created the datasets git repository {}", dir);
            }
            StoredConfig config = repo.getConfig();
            config.setInt("core", null, "compression", compression);
            config.setInt("core", null, "looseCompression", compression);
            // Ballast never runs gc; objects stay loose so a version's file is one object file.
            config.setInt("gc", null, "auto", 0);
            config.save();
            this.blobs = new LooseObjectWriter(dir.resolve("objects"), compression);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the datasets git repository " + dir, e);
        }
    }

    @PreDestroy
    public void close() {
        repo.close();
    }

    @Override
    public Path location() {
        return dir;
    }

    static String branch(String dataset) {
        return BRANCH_PREFIX + dataset;
    }

    @Override
    public StoredBlob insertBlob(InputStream content, long size) {
        try {
            LooseObjectWriter.Written written = blobs.write(content, size);
            return new StoredBlob(written.blobId(), written.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a dataset file in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<CommitInfo> head(String dataset) {
        try {
            Ref ref = repo.exactRef(branch(dataset));
            return ref == null || ref.getObjectId() == null ? Optional.empty() : Optional.of(commitInfo(ref.getObjectId().name()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String commit(String dataset, @Nullable String expectedParent, String path, String blobId, String author,
                         String message, Instant when) {
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            TreeFormatter tree = new TreeFormatter();
            tree.append(path, FileMode.REGULAR_FILE, ObjectId.fromString(blobId));
            ObjectId treeId = inserter.insert(tree);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(treeId);
            if (expectedParent != null) {
                commit.setParentId(ObjectId.fromString(expectedParent));
            }
            commit.setAuthor(new PersonIdent(author, author + "@ballast", when, ZoneOffset.UTC));
            commit.setCommitter(new PersonIdent("Ballast", COMMITTER_EMAIL, when, ZoneOffset.UTC));
            commit.setMessage(message.endsWith("\n") ? message : message + "\n");
            ObjectId commitId = inserter.insert(commit);
            inserter.flush();
            move(dataset, expectedParent, commitId, "commit: " + firstLine(message));
            return commitId.name();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit to the datasets git repository " + dir, e);
        }
    }

    @Override
    public void undo(String dataset, String commit, @Nullable String previous) {
        try {
            if (previous == null) {
                RefUpdate update = repo.updateRef(branch(dataset));
                update.setExpectedOldObjectId(ObjectId.fromString(commit));
                update.setForceUpdate(true);
                update.delete();
            } else {
                RefUpdate update = repo.updateRef(branch(dataset));
                update.setExpectedOldObjectId(ObjectId.fromString(commit));
                update.setNewObjectId(ObjectId.fromString(previous));
                update.setForceUpdate(true);
                update.setRefLogMessage("undo: the version could not be indexed", false);
                update.update();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void move(String dataset, @Nullable String expectedParent, ObjectId commitId, String reflog) throws IOException {
        RefUpdate update = repo.updateRef(branch(dataset));
        update.setExpectedOldObjectId(expectedParent == null ? ObjectId.zeroId() : ObjectId.fromString(expectedParent));
        update.setNewObjectId(commitId);
        update.setRefLogIdent(new PersonIdent("Ballast", COMMITTER_EMAIL));
        update.setRefLogMessage(reflog, false);
        RefUpdate.Result result = update.update();
        switch (result) {
            case NEW, FAST_FORWARD -> {
            }
            case LOCK_FAILURE, REJECTED -> throw new BallastException(ErrorCode.RESOURCE_CONFLICT,
                    "Dataset '" + dataset + "' changed while this version was being committed; retry the upload.");
            default -> throw new IOException("moving " + branch(dataset) + " failed: " + result);
        }
    }

    @Override
    public CommitInfo commitInfo(String commitId) {
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(commitId));
            return describe(walk.getObjectReader(), commit);
        } catch (MissingObjectException | IllegalArgumentException e) {
            throw BallastException.notFound("Commit " + commitId + " is not in the datasets repository.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CommitInfo describe(ObjectReader reader, RevCommit commit) throws IOException {
        try (TreeWalk tree = new TreeWalk(reader)) {
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            if (!tree.next()) {
                throw new IOException("commit " + commit.name() + " has an empty tree");
            }
            String parent = commit.getParentCount() == 0 ? null : commit.getParent(0).name();
            PersonIdent author = commit.getAuthorIdent();
            return new CommitInfo(commit.name(), parent, tree.getPathString(), tree.getObjectId(0).name(), author.getName(),
                    commit.getFullMessage().stripTrailing(), author.getWhenAsInstant());
        }
    }

    @Override
    public Content open(String commitId, String path) {
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(commitId));
            try (TreeWalk tree = TreeWalk.forPath(repo, path, commit.getTree())) {
                if (tree == null) {
                    throw BallastException.notFound("Commit " + commitId + " has no file '" + path + "'.");
                }
                ObjectLoader loader = repo.open(tree.getObjectId(0), Constants.OBJ_BLOB);
                return new Content(loader.openStream(), loader.getSize());
            }
        } catch (MissingObjectException e) {
            throw BallastException.notFound("The content of commit " + commitId + " is missing from the datasets repository.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> datasetNames() {
        try {
            return repo.getRefDatabase().getRefsByPrefix(BRANCH_PREFIX).stream()
                    .map(r -> r.getName().substring(BRANCH_PREFIX.length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<CommitInfo> history(String dataset) {
        return newerThan(dataset, Set.of());
    }

    @Override
    public List<CommitInfo> newerThan(String dataset, Set<String> known) {
        try (RevWalk walk = new RevWalk(repo)) {
            Ref ref = repo.exactRef(branch(dataset));
            if (ref == null) {
                return List.of();
            }
            List<CommitInfo> commits = new ArrayList<>();
            RevCommit commit = walk.parseCommit(ref.getObjectId());
            while (commit != null && !known.contains(commit.name())) {
                commits.add(describe(walk.getObjectReader(), commit));
                commit = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
            }
            Collections.reverse(commits);
            return commits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean hasCommit(String commitId) {
        try {
            return repo.getObjectDatabase().has(ObjectId.fromString(commitId));
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public VerifyReport verify(String dataset, String commitId, String path, String expectedDigest, String expectedSha256) {
        return new ObjectVerifier(repo).verify(branch(dataset), commitId, path, expectedDigest, expectedSha256);
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
