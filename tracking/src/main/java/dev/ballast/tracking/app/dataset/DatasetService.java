package dev.ballast.tracking.app.dataset;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.tracking.domain.dataset.Dataset;
import dev.ballast.tracking.domain.dataset.DatasetNames;
import dev.ballast.tracking.domain.dataset.DatasetRepository;
import dev.ballast.tracking.domain.dataset.DatasetRepository.CommitInfo;
import dev.ballast.tracking.domain.dataset.DatasetRepository.VerifyReport;
import dev.ballast.tracking.domain.dataset.DatasetSource;
import dev.ballast.tracking.domain.dataset.DatasetStore;
import dev.ballast.tracking.domain.dataset.DatasetVersion;
import dev.ballast.tracking.domain.dataset.DatasetWorkspace;
import dev.ballast.tracking.domain.dataset.ExternalGitSource;
import dev.ballast.tracking.domain.dataset.ExternalGitSource.ExternalFile;
import dev.ballast.tracking.domain.dataset.scan.DatasetDiff;
import dev.ballast.tracking.domain.dataset.scan.DatasetDiffer;
import dev.ballast.tracking.domain.dataset.scan.DatasetFormat;
import dev.ballast.tracking.domain.dataset.scan.DerivedLayout;
import dev.ballast.tracking.domain.dataset.scan.ColumnProfile;
import dev.ballast.tracking.domain.dataset.scan.SortedColumn;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Dataset use cases. A new version is written in this order, which recovery relies on:
 * <ol>
 *   <li>stage: stream the content to a scratch file while parsing and profiling it; store it as a
 *       git blob (content-addressed, so an unused blob changes nothing visible);</li>
 *   <li>under the dataset's lock: compare with the branch head (same content: no commit, the
 *       current version is returned), commit and move the branch with compare-and-set;</li>
 *   <li>index the commit in the database. If that fails the branch is moved back; if the process
 *       dies before it, {@link DatasetRecovery} indexes the commit at the next start;</li>
 *   <li>after the answer, sort the derived data (a cache of the blob) into place in the background
 *       ({@link DerivedDataQueue}); {@link #derived} waits for it, or rebuilds it from git.</li>
 * </ol>
 * So git is the source of truth: a database row always has its commit, and a commit without a row
 * is repaired, never lost.
 */
@Singleton
public class DatasetService {
    private static final int MAX_MESSAGE = 5000;
    private static final int MAX_DESCRIPTION = 5000;

    private final DatasetStore store;
    private final DatasetRepository repository;
    private final DatasetStaging staging;
    private final DatasetWorkspace workspace;
    private final ExternalGitSource external;
    private final DatasetLocks locks;
    private final DerivedDataQueue derivedQueue;
    private final Clock clock;

    public DatasetService(DatasetStore store, DatasetRepository repository, DatasetStaging staging, DatasetWorkspace workspace,
                          ExternalGitSource external, DatasetLocks locks, DerivedDataQueue derivedQueue, Clock clock) {
        this.store = store;
        this.repository = repository;
        this.staging = staging;
        this.workspace = workspace;
        this.external = external;
        this.locks = locks;
        this.derivedQueue = derivedQueue;
        this.clock = clock;
    }

    /** A version written or found by an upload; {@code created} is false when the content equalled the current version. */
    public record UploadResult(DatasetVersion version, boolean created) {
    }

    /** A version's content, streamed from git. */
    public record VersionContent(DatasetVersion version, InputStream stream, long size) {
    }

    /** What to import from a repository outside Ballast. */
    public record ImportRequest(String repository, @Nullable String ref, String path, @Nullable String message,
                                @Nullable DatasetFormat format) {
    }

    public Dataset create(Actor actor, String name, @Nullable String description, @Nullable String owner) {
        DatasetNames.require(name);
        checkLength("description", description, MAX_DESCRIPTION);
        String effectiveOwner = owner == null || owner.isBlank() ? actor.username() : owner.trim();
        checkLength("owner", effectiveOwner, 255);
        return store.create(name, description, effectiveOwner, actor.username(), clock.millis());
    }

    public Dataset get(String name) {
        return store.find(name).orElseThrow(() -> BallastException.notFound("Dataset '" + name + "' does not exist."));
    }

    public List<Dataset> list(@Nullable String nameContains, int limit, long offset) {
        return store.list(nameContains, limit, offset);
    }

    public Dataset update(String name, @Nullable String description, @Nullable String owner) {
        Dataset dataset = get(name);
        checkLength("description", description, MAX_DESCRIPTION);
        if (owner != null && owner.isBlank()) {
            throw BallastException.invalid("'owner' cannot be blank.");
        }
        checkLength("owner", owner, 255);
        store.update(dataset.id(), description, owner == null ? null : owner.trim(), clock.millis());
        return get(name);
    }

    /**
     * Stores {@code content} as the dataset's next version. {@code format} null means the format of
     * the current version (CSV for the first).
     */
    public UploadResult upload(Actor actor, String name, @Nullable DatasetFormat format, @Nullable String message,
                               InputStream content, @Nullable Long declaredSize) {
        Dataset dataset = get(name);
        checkLength("message", message, MAX_MESSAGE);
        DatasetFormat effective = format != null ? format
                : store.latest(dataset.id()).map(DatasetVersion::format).orElse(DatasetFormat.CSV);
        try (DatasetStaging.Staged staged = staging.stage(content, effective, declaredSize)) {
            return commit(actor.username(), dataset, effective, staged, message, DatasetSource.upload());
        }
    }

    /** Imports one file at one commit of a local git repository as the dataset's next version, recording where it came from. */
    public UploadResult importFrom(Actor actor, String name, ImportRequest request) {
        Dataset dataset = get(name);
        checkLength("message", request.message(), MAX_MESSAGE);
        if (request.path() == null || request.path().isBlank()) {
            throw BallastException.invalid("An import needs the 'path' of the file in the repository.");
        }
        String ref = request.ref() == null || request.ref().isBlank() ? "HEAD" : request.ref().trim();
        DatasetFormat format = request.format() != null ? request.format() : DatasetFormat.parse(extension(request.path()))
                .orElseThrow(() -> BallastException.invalid("Cannot tell the format of '" + request.path()
                        + "' from its extension; give 'format' (csv or jsonl)."));
        ExternalFile file = external.open(request.repository(), ref, request.path());
        try (InputStream in = file.content();
             DatasetStaging.Staged staged = staging.stage(in, format, file.size())) {
            if (!staged.digest().equals(file.blobId())) {
                throw new IllegalStateException("imported content hashed to " + staged.digest() + ", the source blob is " + file.blobId());
            }
            DatasetSource source = new DatasetSource(DatasetSource.GIT, file.repository(), ref, file.commitId(), request.path());
            String message = request.message() == null || request.message().isBlank()
                    ? "Import " + request.path() + " from " + file.repository() + " at " + file.commitId().substring(0, 12)
                    : request.message();
            return commit(actor.username(), dataset, format, staged, message, source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private UploadResult commit(String author, Dataset dataset, DatasetFormat format, DatasetStaging.Staged staged,
                                @Nullable String message, DatasetSource source) {
        String name = dataset.name();
        String path = name + "." + format.extension();
        return locks.exclusive(name, () -> {
            Optional<CommitInfo> head = repository.head(name);
            if (head.isPresent() && head.get().blobId().equals(staged.digest()) && head.get().path().equals(path)) {
                DatasetVersion current = store.byCommit(head.get().commitId()).orElseThrow(() -> new IllegalStateException(
                        "commit " + head.get().commitId() + " of dataset " + name + " is not indexed"));
                return new UploadResult(current, false);
            }
            int number = store.nextNumber(dataset.id());
            String text = message == null || message.isBlank() ? "Version " + number + " of " + name : message.strip();
            String parent = head.map(CommitInfo::commitId).orElse(null);
            Instant now = clock.instant();
            String commit = repository.commit(name, parent, path, staged.digest(), author, CommitMessages.compose(text, source), now);
            DatasetVersion version = new DatasetVersion(commit, dataset.id(), name, number, staged.digest(), staged.sha256(), parent, text, author,
                    now.toEpochMilli(), format, path, staged.size(), staged.profile().rows(), staged.profile().columns().size(),
                    staged.profile(), source, false);
            try {
                store.insertVersion(version);
            } catch (RuntimeException e) {
                repository.undo(name, commit, parent);
                throw e;
            }
            if (workspace.derived(staged.digest()).isEmpty()) {
                // sorted after the answer; derived() waits for it if asked first
                derivedQueue.submit(staged.digest(), staged.derivedWork());
            }
            return new UploadResult(version, true);
        });
    }

    /** Versions of a dataset, newest first (without profiles). */
    public List<DatasetVersion> versions(String name) {
        return store.versions(get(name).id());
    }

    /** One page of a dataset's versions, newest first (without profiles). */
    public List<DatasetVersion> versions(String name, int limit, long offset) {
        if (limit < 1 || offset < 0) {
            throw BallastException.invalid("A page needs a positive size and an offset of at least 0.");
        }
        return store.versions(get(name).id(), limit, offset);
    }

    /** The newest version of each of these datasets (without profiles), by dataset name; datasets without versions are left out. */
    public Map<String, DatasetVersion> latestVersions(Collection<Dataset> datasets) {
        List<String> commits = datasets.stream().map(Dataset::latestCommit).filter(Objects::nonNull).toList();
        Map<String, DatasetVersion> byName = new HashMap<>();
        store.byCommits(commits).forEach(v -> byName.put(v.dataset(), v));
        return byName;
    }

    /** One version with its profile: by number ({@code 3} or {@code v3}), commit id or unique prefix, or {@code latest}. */
    public DatasetVersion version(String name, String ref) {
        Dataset dataset = get(name);
        Optional<DatasetVersion> version = "latest".equals(ref) ? store.latest(dataset.id()) : store.version(dataset.id(), ref);
        return version.orElseThrow(() -> BallastException.notFound("Dataset '" + name + "' has no version '" + ref + "'."));
    }

    public VersionContent open(String name, String ref) {
        DatasetVersion version = version(name, ref);
        DatasetRepository.Content content = repository.open(version.commitId(), version.path());
        return new VersionContent(version, content.stream(), content.size());
    }

    public DatasetDiff diff(String name, String from, String to) {
        DatasetVersion a = version(name, from);
        DatasetVersion b = version(name, to);
        try {
            return DatasetDiffer.diff(a.profile(), derived(a), b.profile(), derived(b));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Recomputes the version's ids and content SHA-256 from the stored objects. */
    public VerifyReport verify(DatasetVersion version) {
        return repository.verify(version.dataset(), version.commitId(), version.path(), version.digest(), version.sha256());
    }

    /**
     * Every finite value of a numeric column of a version, sorted: the reference sample a drift
     * monitor compares served traffic with. The caller closes it.
     */
    public SortedColumn referenceSample(String name, String ref, String column) {
        DatasetVersion version = version(name, ref);
        ColumnProfile profile = version.profile().column(column).orElseThrow(() -> BallastException.notFound(
                "Dataset '" + name + "' version " + version.number() + " has no column '" + column + "'."));
        if (!profile.type().numeric()) {
            throw BallastException.invalid("Column '" + column + "' is " + profile.type() + ", not numeric.");
        }
        try {
            return SortedColumn.open(derived(version).column(profile.index()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version's derived data (sorted columns, row hashes), rebuilt from git when it is missing. */
    public DerivedLayout derived(DatasetVersion version) {
        derivedQueue.await(version.digest());
        return workspace.derived(version.digest()).orElseGet(() -> {
            DatasetRepository.Content content = repository.open(version.commitId(), version.path());
            try (InputStream in = content.stream();
                 DatasetStaging.Staged staged = staging.stage(in, version.format(), content.size())) {
                return staged.adoptDerived();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1);
    }

    private static void checkLength(String field, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            throw BallastException.invalid("'" + field + "' is longer than " + max + " characters.");
        }
    }
}
