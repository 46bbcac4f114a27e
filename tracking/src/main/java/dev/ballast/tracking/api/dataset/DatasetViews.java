package dev.ballast.tracking.api.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ballast.tracking.app.dataset.DatasetLineage;
import dev.ballast.tracking.domain.DatasetInput;
import dev.ballast.tracking.domain.RunInfo;
import dev.ballast.tracking.domain.dataset.Dataset;
import dev.ballast.tracking.domain.dataset.DatasetRepository;
import dev.ballast.tracking.domain.dataset.DatasetSource;
import dev.ballast.tracking.domain.dataset.DatasetVersion;
import dev.ballast.tracking.domain.dataset.ModelVersionLinks.LinkedModelVersion;
import dev.ballast.tracking.domain.dataset.scan.DatasetProfile;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/** Request and response records of the datasets and lineage API (snake_case, like the MLflow API). */
public final class DatasetViews {

    private DatasetViews() {
    }

    @Serdeable
    public record CreateDatasetRequest(@Nullable String name, @Nullable String description, @Nullable String owner) {
    }

    @Serdeable
    public record UpdateDatasetRequest(@Nullable String description, @Nullable String owner) {
    }

    @Serdeable
    public record ImportRequest(@Nullable String repository, @Nullable String ref, @Nullable String path,
                                @Nullable String message, @Nullable String format) {
    }

    @Serdeable
    public record LogInputRequest(@Nullable String dataset, @Nullable String version, @Nullable String context,
                                  @Nullable Map<String, String> tags) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DatasetView(String name, @Nullable String description, String owner,
                              @JsonProperty("created_by") String createdBy,
                              @JsonProperty("creation_time") long creationTime,
                              @JsonProperty("last_update_time") long lastUpdateTime,
                              @JsonProperty("version_count") int versionCount,
                              @JsonProperty("latest_version") @Nullable String latestVersion) {
        static DatasetView of(Dataset d) {
            return new DatasetView(d.name(), d.description(), d.owner(), d.createdBy(), d.creationTime(), d.lastUpdateTime(),
                    d.versionCount(), d.latestCommit());
        }
    }

    @Serdeable
    public record DatasetResponse(DatasetView dataset) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DatasetsResponse(List<DatasetView> datasets, @JsonProperty("next_page_token") @Nullable String nextPageToken) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceView(String type, @Nullable String repository, @Nullable String ref, @Nullable String commit,
                             @Nullable String path) {
        static SourceView of(DatasetSource s) {
            return new SourceView(s.type(), s.repository(), s.ref(), s.commit(), s.path());
        }
    }

    /** A version: {@code id} is the git commit id, {@code digest} the git blob id of the content. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VersionView(String id, String dataset, int version, String digest, String sha256, @Nullable String parent, String message,
                              String author, @JsonProperty("creation_time") long creationTime,
                              @JsonProperty("size_bytes") long sizeBytes, long rows, int columns, String format, String path,
                              SourceView source, boolean recovered, @Nullable DatasetProfile profile) {
        static VersionView of(DatasetVersion v) {
            return new VersionView(v.commitId(), v.dataset(), v.number(), v.digest(), v.sha256(), v.parentCommit(), v.message(), v.author(),
                    v.creationTime(), v.sizeBytes(), v.rows(), v.columns(), v.format().extension(), v.path(),
                    SourceView.of(v.source()), v.recovered(), v.profile());
        }

        static VersionView summary(DatasetVersion v) {
            return of(v.withProfile(null));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VersionResponse(VersionView version, @Nullable Boolean created, @Nullable String note) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record VersionsResponse(List<VersionView> versions) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VerifyResponse(String dataset, int version, String id, boolean ok, String digest,
                                 @JsonProperty("recomputed_digest") @Nullable String recomputedDigest,
                                 List<CheckView> checks) {
        static VerifyResponse of(DatasetVersion v, DatasetRepository.VerifyReport r) {
            return new VerifyResponse(v.dataset(), v.number(), v.commitId(), r.ok(), r.digest(), r.recomputedDigest(),
                    r.checks().stream().map(c -> new CheckView(c.name(), c.ok(), c.detail())).toList());
        }
    }

    @Serdeable
    public record CheckView(String name, boolean ok, String detail) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RunRef(@JsonProperty("run_id") String runId, @JsonProperty("run_name") @Nullable String runName,
                         @JsonProperty("experiment_id") String experimentId, String status,
                         @JsonProperty("user_id") @Nullable String userId, @JsonProperty("start_time") @Nullable Long startTime,
                         @Nullable String context) {
        static RunRef of(RunInfo r, @Nullable String context) {
            return new RunRef(r.runId(), r.runName(), Long.toString(r.experimentId()), r.status().name(), r.userId(), r.startTime(),
                    context);
        }
    }

    @Serdeable
    public record ModelVersionRef(String name, String version, @JsonProperty("run_id") String runId,
                                  @JsonProperty("creation_time") long creationTime) {
        static ModelVersionRef of(LinkedModelVersion m) {
            return new ModelVersionRef(m.model(), m.version(), m.runId(), m.creationTime());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InputView(String name, String digest, @JsonProperty("source_type") String sourceType, @Nullable String context,
                            @Nullable VersionView version) {
        static InputView of(DatasetLineage.InputUse use) {
            DatasetInput i = use.input();
            return new InputView(i.name(), i.digest(), i.sourceType(), i.context(),
                    use.version() == null ? null : VersionView.summary(use.version()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record VersionLineageResponse(VersionView version, List<RunRef> runs,
                                         @JsonProperty("model_versions") List<ModelVersionRef> modelVersions) {
        static VersionLineageResponse of(DatasetLineage.VersionLineage l) {
            return new VersionLineageResponse(VersionView.summary(l.version()),
                    l.runs().stream().map(u -> RunRef.of(u.run(), u.context())).toList(),
                    l.modelVersions().stream().map(ModelVersionRef::of).toList());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RunLineageResponse(RunRef run, List<InputView> inputs,
                                     @JsonProperty("model_versions") List<ModelVersionRef> modelVersions) {
        static RunLineageResponse of(DatasetLineage.RunLineage l) {
            return new RunLineageResponse(RunRef.of(l.run(), null), l.inputs().stream().map(InputView::of).toList(),
                    l.modelVersions().stream().map(ModelVersionRef::of).toList());
        }
    }

    @Serdeable
    public record ModelLineageResponse(@JsonProperty("model_version") ModelVersionRef modelVersion, RunLineageResponse lineage) {
    }

    @Serdeable
    public record InputResponse(InputView input) {
    }
}
