package dev.ballast.registry.store;

import dev.ballast.core.jdbc.Jdbc;
import dev.ballast.registry.domain.card.CardStore;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link CardStore} over JDBC, sections as a JSON object per revision. */
@Singleton
public class JdbcCardStore implements CardStore {
    private final Jdbc jdbc;
    private final ObjectMapper json;

    public JdbcCardStore(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<Revision> latest(long modelId, int version) {
        return jdbc.queryOne("SELECT revision, sections, edited_by, edited_at FROM model_card_revisions WHERE model_id = ? AND version = ?"
                + " ORDER BY revision DESC LIMIT 1", this::map, modelId, version);
    }

    @Override
    public List<Revision> history(long modelId, int version) {
        return jdbc.query("SELECT revision, sections, edited_by, edited_at FROM model_card_revisions WHERE model_id = ? AND version = ?"
                + " ORDER BY revision", this::map, modelId, version);
    }

    @Override
    public void append(long modelId, int version, Revision r) {
        try {
            jdbc.update("INSERT INTO model_card_revisions (model_id, version, revision, sections, edited_by, edited_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", modelId, version, r.revision(), json.writeValueAsString(r.sections()), r.editedBy(),
                    r.editedAt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Revision map(ResultSet rs) throws SQLException {
        try {
            Map<String, String> sections = new LinkedHashMap<>(json.readValue(rs.getString(2), Map.class));
            return new Revision(rs.getInt(1), sections, rs.getString(3), rs.getLong(4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
