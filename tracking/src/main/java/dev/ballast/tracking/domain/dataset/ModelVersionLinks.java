package dev.ballast.tracking.domain.dataset;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The registry's side of lineage: which model versions a run produced. Tracking cannot see the
 * registry's tables (the registry depends on tracking), so the registry provides this as a bean
 * reading its own model versions' {@code run_id}; lineage then runs dataset version -> runs ->
 * model versions and back without tracking storing anything about models. With no registry bean,
 * no run has model versions.
 */
public interface ModelVersionLinks {

    /** Model versions whose source run is one of {@code runIds}. */
    List<LinkedModelVersion> producedBy(Collection<String> runIds);

    /** The model version, if it exists. */
    Optional<LinkedModelVersion> find(String model, String version);

    record LinkedModelVersion(String model, String version, String runId, long creationTime) {
    }
}
