package dev.ballast.tracking.app.dataset;

import dev.ballast.core.error.BallastException;
import dev.ballast.tracking.domain.dataset.Dataset;
import dev.ballast.tracking.domain.dataset.DatasetRepository;
import dev.ballast.tracking.domain.dataset.DatasetRepository.CommitInfo;
import dev.ballast.tracking.domain.dataset.DatasetStore;
import dev.ballast.tracking.domain.dataset.DatasetVersion;
import dev.ballast.tracking.domain.dataset.DatasetWorkspace;
import dev.ballast.tracking.domain.dataset.scan.DatasetFormat;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Start-up check that the database index matches the datasets git repository (see the write order
 * in {@link DatasetService}). A commit on a dataset branch without a row (the process died between
 * moving the branch and indexing) is indexed now from git itself: content re-profiled, author,
 * time and message from the commit, provenance from its trailers; it is marked {@code recovered}.
 * A branch without a dataset row (a database restored from an older backup) gets its dataset
 * back. A row whose commit is gone from git cannot be repaired here and is reported.
 */
@Singleton
public class DatasetRecovery implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetRecovery.class);
    private static final int PAGE = 500;

    private final DatasetStore store;
    private final DatasetRepository repository;
    private final DatasetStaging staging;
    private final DatasetWorkspace workspace;

    public DatasetRecovery(DatasetStore store, DatasetRepository repository, DatasetStaging staging, DatasetWorkspace workspace) {
        this.store = store;
        this.repository = repository;
        this.staging = staging;
        this.workspace = workspace;
    }

    /** What a recovery pass found: versions indexed from git, datasets re-created, and rows whose commit is missing. */
    public record Report(List<String> indexed, List<String> datasetsRestored, List<String> missingCommits) {
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        Report report = recover();
        if (!report.indexed().isEmpty() || !report.datasetsRestored().isEmpty()) {
            LOG.warn("Dataset recovery indexed {} commit(s) found in git but not in the database: {}; datasets restored: {}",
                    report.indexed().size(), report.indexed(), report.datasetsRestored());
        }
        if (!report.missingCommits().isEmpty()) {
            LOG.error("Dataset versions recorded in the database are missing from the git repository {}: {}",
                    repository.location(), report.missingCommits());
        }
    }

    public Report recover() {
        List<String> indexed = new ArrayList<>();
        List<String> restored = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (long offset = 0; ; offset += PAGE) {
            List<Dataset> page = store.list(null, PAGE, offset);
            for (Dataset dataset : page) {
                seen.add(dataset.name());
                reconcile(dataset, indexed, missing);
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        for (String name : repository.datasetNames()) {
            if (!seen.contains(name)) {
                List<CommitInfo> history = repository.history(name);
                if (history.isEmpty()) {
                    continue;
                }
                CommitInfo first = history.get(0);
                Dataset dataset = store.create(name, "Restored from the datasets git repository", first.author(), first.author(),
                        first.when().toEpochMilli());
                restored.add(name);
                reconcile(dataset, indexed, missing);
            }
        }
        return new Report(indexed, restored, missing);
    }

    /** Indexes the commits after the newest indexed one (a walk as long as what is new), then checks every row's commit exists. */
    private void reconcile(Dataset dataset, List<String> indexed, List<String> missing) {
        Set<String> known = store.commitIds(dataset.id());
        for (CommitInfo commit : repository.newerThan(dataset.name(), known)) {
            index(dataset, commit).ifPresent(v -> indexed.add(dataset.name() + "@" + v.commitId()));
        }
        for (String commit : known) {
            if (!repository.hasCommit(commit)) {
                missing.add(dataset.name() + "@" + commit);
            }
        }
    }

    private Optional<DatasetVersion> index(Dataset dataset, CommitInfo commit) {
        CommitMessages.Parsed message = CommitMessages.parse(commit.message());
        String path = commit.path();
        DatasetFormat format = DatasetFormat.parse(path.substring(path.lastIndexOf('.') + 1)).orElse(DatasetFormat.CSV);
        DatasetRepository.Content content = repository.open(commit.commitId(), path);
        try (InputStream in = content.stream(); DatasetStaging.Staged staged = staging.stage(in, format, content.size())) {
            staged.adoptDerived();
            DatasetVersion version = new DatasetVersion(commit.commitId(), dataset.id(), dataset.name(), store.nextNumber(dataset.id()),
                    commit.blobId(), staged.sha256(), commit.parent(), message.message(), commit.author(), commit.when().toEpochMilli(), format, path,
                    staged.size(), staged.profile().rows(), staged.profile().columns().size(), staged.profile(), message.source(), true);
            store.insertVersion(version);
            return Optional.of(version);
        } catch (BallastException | IOException e) {
            LOG.error("Cannot index commit {} of dataset {}: {}", commit.commitId(), dataset.name(), e.getMessage());
            return Optional.empty();
        }
    }
}
