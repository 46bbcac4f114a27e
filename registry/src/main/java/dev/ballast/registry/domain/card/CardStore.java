package dev.ballast.registry.domain.card;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The people-written sections of model cards; every edit is a new revision, none is rewritten. */
public interface CardStore {

    record Revision(int revision, Map<String, String> sections, String editedBy, long editedAt) {
    }

    Optional<Revision> latest(long modelId, int version);

    List<Revision> history(long modelId, int version);

    void append(long modelId, int version, Revision revision);
}
