package dev.ballast.tracking.store.dataset;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.core.jdbc.Jdbc;
import dev.ballast.tracking.domain.dataset.Dataset;
import dev.ballast.tracking.domain.dataset.DatasetSource;
import dev.ballast.tracking.domain.dataset.DatasetStore;
import dev.ballast.tracking.domain.dataset.DatasetVersion;
import dev.ballast.tracking.domain.dataset.scan.DatasetFormat;
import dev.ballast.tracking.domain.dataset.scan.DatasetProfile;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** {@link DatasetStore} on the {@code datasets} and {@code dataset_versions} tables; profiles are stored as JSON text. */
@Singleton
public class JdbcDatasetStore implements DatasetStore {
    private static final String DATASET_COLUMNS = "d.dataset_id, d.name, d.description, d.owner, d.created_by, d.creation_time, "
            + "d.last_update_time, (SELECT COUNT(*) FROM dataset_versions v WHERE v.dataset_id = d.dataset_id), "
            + "(SELECT v.commit_id FROM dataset_versions v WHERE v.dataset_id = d.dataset_id ORDER BY v.version_number DESC LIMIT 1)";
    private static final String VERSION_COLUMNS = "v.commit_id, v.dataset_id, d.name, v.version_number, v.digest, v.parent_commit, "
            + "v.message, v.author, v.creation_time, v.format, v.path, v.size_bytes, v.row_count, v.column_count, v.source_type, "
            + "v.source_repository, v.source_ref, v.source_commit, v.source_path, v.recovered, v.content_sha256";
    private static final String VERSIONS = " FROM dataset_versions v JOIN datasets d ON d.dataset_id = v.dataset_id ";
    private static final Pattern NUMBER = Pattern.compile("v?[0-9]{1,9}");
    private static final Pattern COMMIT_PREFIX = Pattern.compile("[0-9a-f]{7,40}");

    private final Jdbc jdbc;
    private final ObjectMapper json;

    public JdbcDatasetStore(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Dataset create(String name, @Nullable String description, String owner, String createdBy, long now) {
        try {
            jdbc.insertReturning("dataset_id", "INSERT INTO datasets (name, description, owner, created_by, creation_time, "
                    + "last_update_time) VALUES (?, ?, ?, ?, ?, ?)", name, description, owner, createdBy, now, now);
        } catch (BallastException e) {
            if (e.code() == ErrorCode.RESOURCE_ALREADY_EXISTS) {
                throw BallastException.alreadyExists("Dataset '" + name + "' already exists.");
            }
            throw e;
        }
        return find(name).orElseThrow();
    }

    @Override
    public Optional<Dataset> find(String name) {
        return jdbc.queryOne("SELECT " + DATASET_COLUMNS + " FROM datasets d WHERE d.name = ?", JdbcDatasetStore::dataset, name);
    }

    @Override
    public Optional<Dataset> findById(long id) {
        return jdbc.queryOne("SELECT " + DATASET_COLUMNS + " FROM datasets d WHERE d.dataset_id = ?", JdbcDatasetStore::dataset, id);
    }

    @Override
    public List<Dataset> list(@Nullable String nameContains, int limit, long offset) {
        String page = " ORDER BY d.name LIMIT " + limit + " OFFSET " + offset;
        if (nameContains == null || nameContains.isEmpty()) {
            return jdbc.query("SELECT " + DATASET_COLUMNS + " FROM datasets d" + page, JdbcDatasetStore::dataset);
        }
        String pattern = "%" + nameContains.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.query("SELECT " + DATASET_COLUMNS + " FROM datasets d WHERE d.name LIKE ? ESCAPE '\\'" + page,
                JdbcDatasetStore::dataset, pattern);
    }

    @Override
    public void update(long datasetId, @Nullable String description, @Nullable String owner, long now) {
        jdbc.update("UPDATE datasets SET description = COALESCE(?, description), owner = COALESCE(?, owner), last_update_time = ? "
                + "WHERE dataset_id = ?", description, owner, now, datasetId);
    }

    @Override
    @Transactional
    public void insertVersion(DatasetVersion v) {
        DatasetSource s = v.source();
        jdbc.update("INSERT INTO dataset_versions (commit_id, dataset_id, version_number, digest, content_sha256, parent_commit, message, "
                        + "author, creation_time, format, path, size_bytes, row_count, column_count, profile, source_type, source_repository, "
                        + "source_ref, source_commit, source_path, recovered) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                v.commitId(), v.datasetId(), v.number(), v.digest(), v.sha256(), v.parentCommit(), v.message(), v.author(), v.creationTime(),
                v.format().extension(), v.path(), v.sizeBytes(), v.rows(), v.columns(), write(v.profile()), s.type(), s.repository(),
                s.ref(), s.commit(), s.path(), v.recovered());
        jdbc.update("UPDATE datasets SET last_update_time = ? WHERE dataset_id = ?", v.creationTime(), v.datasetId());
    }

    @Override
    public List<DatasetVersion> versions(long datasetId) {
        return jdbc.query("SELECT " + VERSION_COLUMNS + VERSIONS + "WHERE v.dataset_id = ? ORDER BY v.version_number DESC",
                JdbcDatasetStore::version, datasetId);
    }

    @Override
    public List<DatasetVersion> versions(long datasetId, int limit, long offset) {
        return jdbc.query("SELECT " + VERSION_COLUMNS + VERSIONS + "WHERE v.dataset_id = ? ORDER BY v.version_number DESC LIMIT ? OFFSET ?",
                JdbcDatasetStore::version, datasetId, limit, offset);
    }

    @Override
    public List<DatasetVersion> byCommits(Collection<String> commitIds) {
        if (commitIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(commitIds.size(), "?"));
        return jdbc.query("SELECT " + VERSION_COLUMNS + VERSIONS + "WHERE v.commit_id IN (" + marks + ")", JdbcDatasetStore::version,
                commitIds.toArray());
    }

    @Override
    public Optional<DatasetVersion> version(long datasetId, String numberOrCommit) {
        String ref = numberOrCommit.trim();
        if (NUMBER.matcher(ref).matches()) {
            int number = Integer.parseInt(ref.startsWith("v") ? ref.substring(1) : ref);
            return withProfile("WHERE v.dataset_id = ? AND v.version_number = ?", datasetId, number);
        }
        String prefix = ref.toLowerCase(java.util.Locale.ROOT);
        if (!COMMIT_PREFIX.matcher(prefix).matches()) {
            return Optional.empty();
        }
        List<String> matches = jdbc.query("SELECT commit_id FROM dataset_versions WHERE dataset_id = ? AND commit_id LIKE ? "
                + "ORDER BY commit_id LIMIT 2", rs -> rs.getString(1), datasetId, prefix + "%");
        if (matches.size() > 1) {
            throw BallastException.invalid("Commit prefix '" + ref + "' is ambiguous; give more digits.");
        }
        return matches.isEmpty() ? Optional.empty() : withProfile("WHERE v.commit_id = ?", matches.get(0));
    }

    @Override
    public Optional<DatasetVersion> latest(long datasetId) {
        return withProfile("WHERE v.dataset_id = ? ORDER BY v.version_number DESC LIMIT 1", datasetId);
    }

    @Override
    public Optional<DatasetVersion> byCommit(String commitId) {
        return withProfile("WHERE v.commit_id = ?", commitId);
    }

    @Override
    public List<DatasetVersion> byDigest(String digest) {
        return jdbc.query("SELECT " + VERSION_COLUMNS + VERSIONS + "WHERE v.digest = ? ORDER BY v.creation_time DESC, v.version_number DESC",
                JdbcDatasetStore::version, digest);
    }

    @Override
    public Set<String> commitIds(long datasetId) {
        return new HashSet<>(jdbc.query("SELECT commit_id FROM dataset_versions WHERE dataset_id = ?", rs -> rs.getString(1), datasetId));
    }

    @Override
    public int nextNumber(long datasetId) {
        return (int) jdbc.queryLong("SELECT COALESCE(MAX(version_number), 0) + 1 FROM dataset_versions WHERE dataset_id = ?", datasetId);
    }

    private Optional<DatasetVersion> withProfile(String where, Object... params) {
        return jdbc.queryOne("SELECT " + VERSION_COLUMNS + ", v.profile" + VERSIONS + where,
                rs -> version(rs).withProfile(read(rs.getString("profile"))), params);
    }

    private String write(DatasetProfile profile) {
        try {
            return json.writeValueAsString(profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DatasetProfile read(String text) {
        try {
            return json.readValue(text, DatasetProfile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable dataset profile in the database", e);
        }
    }

    private static Dataset dataset(ResultSet rs) throws SQLException {
        return new Dataset(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6),
                rs.getLong(7), rs.getInt(8), rs.getString(9));
    }

    private static DatasetVersion version(ResultSet rs) throws SQLException {
        DatasetSource source = new DatasetSource(rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18), rs.getString(19));
        return new DatasetVersion(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(21), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getLong(9), DatasetFormat.parse(rs.getString(10)).orElseThrow(), rs.getString(11),
                rs.getLong(12), rs.getLong(13), rs.getInt(14), null, source, rs.getBoolean(20));
    }
}
