package dev.ballast.registry.app.serving;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.registry.app.TargetMoves;
import dev.ballast.registry.domain.model.ModelStore;
import dev.ballast.registry.domain.model.ModelVersion;
import dev.ballast.registry.domain.model.RegisteredModel;
import dev.ballast.registry.domain.serving.TrafficPolicy;
import dev.ballast.registry.domain.serving.TrafficPolicyStore;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Which version each serving endpoint answers with, on this replica. An endpoint is resolved on
 * its first request and then re-read from the database every sync interval (so every replica
 * follows a promotion within that interval) and at once on this replica after a local move
 * commits. A new version is loaded and warmed before it is switched in with one reference
 * write; requests in flight keep the version they started with. A version that fails to load
 * is not switched in: the previous one keeps serving and the endpoint reports the failure.
 */
@Context
public class ServingTable implements TargetMoves {
    private static final Logger LOG = LoggerFactory.getLogger(ServingTable.class);

    private final ModelStore models;
    private final TrafficPolicyStore policies;
    private final ModelCache cache;
    private final Clock clock;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private volatile boolean stopped;
    private final ScheduledExecutorService sync = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ballast-serving-sync");
        t.setDaemon(true);
        return t;
    });

    public ServingTable(ModelStore models, TrafficPolicyStore policies, ModelCache cache, ServingSettings settings, Clock clock) {
        this.models = models;
        this.policies = policies;
        this.cache = cache;
        this.clock = clock;
        long every = settings.syncInterval().toMillis();
        sync.scheduleWithFixedDelay(this::refreshAll, every, every, TimeUnit.MILLISECONDS);
    }

    /** The endpoint of {@code model@alias}; resolved (and its version loaded) on first use. */
    public Endpoint resolve(String model, String alias) {
        String key = model + "@" + alias;
        Endpoint e = endpoints.get(key);
        if (e != null) {
            return e;
        }
        synchronized (key.intern()) {
            e = endpoints.get(key);
            if (e == null) {
                e = build(model, alias, null);
                endpoints.put(key, e);
            }
            return e;
        }
    }

    /** A version pinned by number, loaded on first use. */
    public LoadedVersion pinned(String model, int version) {
        RegisteredModel m = models.findModel(model).orElseThrow(() -> notServed(model));
        ModelVersion v = models.findVersion(m.id(), version).orElseThrow(() ->
                BallastException.notFound("Model Version (name=" + model + ", version=" + version + ") not found"));
        return cache.get(v);
    }

    /** The endpoints currently resolved for a model, for the describe call. */
    public List<Endpoint> endpointsOf(String model) {
        List<Endpoint> out = new ArrayList<>();
        endpoints.forEach((k, e) -> {
            if (e.model().equals(model)) {
                out.add(e);
            }
        });
        return out;
    }

    /** Every endpoint resolved on this replica, ordered by model and alias (for the serving overview). */
    public List<Endpoint> endpoints() {
        List<Endpoint> out = new ArrayList<>(endpoints.values());
        out.sort(java.util.Comparator.comparing(Endpoint::model).thenComparing(Endpoint::alias));
        return out;
    }

    @Override
    public void moved(String model) {
        sync.execute(() -> refreshModel(model));
    }

    private void refreshAll() {
        for (String key : List.copyOf(endpoints.keySet())) {
            refresh(key);
        }
    }

    private void refreshModel(String model) {
        for (String key : List.copyOf(endpoints.keySet())) {
            if (key.startsWith(model + "@") && key.indexOf('@', model.length() + 1) < 0) {
                refresh(key);
            }
        }
    }

    private void refresh(String key) {
        Endpoint current = endpoints.get(key);
        if (current == null || stopped) {
            return;
        }
        try {
            Endpoint next = build(current.model(), current.alias(), current);
            if (next != current) {
                endpoints.put(key, next);
                if (next.primary() != current.primary()) {
                    LOG.info("Serving {}@{}: switched from version {} to {}", next.model(), next.alias(), current.primary().version(),
                            next.primary().version());
                }
            }
        } catch (BallastException e) {
            if (e.code() == ErrorCode.RESOURCE_DOES_NOT_EXIST) {
                endpoints.remove(key);
                cache.evict(current.modelId());
                LOG.info("Serving {}: no longer served ({})", key, e.getMessage());
            } else {
                LOG.warn("Serving {}: refresh failed: {}", key, e.getMessage());
            }
        } catch (RuntimeException e) {
            if (!stopped) {
                LOG.warn("Serving {}: refresh failed", key, e);
            }
        }
    }

    /**
     * The endpoint as the database says it should be; {@code current} (null on first use) keeps
     * serving when the new holder cannot be loaded. Answers {@code current} itself when nothing changed.
     */
    private Endpoint build(String model, String alias, Endpoint current) {
        RegisteredModel m = models.findModel(model).orElseThrow(() -> notServed(model));
        Integer holder = m.aliases().get(alias);
        if (holder == null) {
            throw BallastException.notFound("Registered model '" + model + "' has no version with alias '" + alias
                    + "'; a reviewed promotion puts one there (POST /api/v1/promotions).");
        }
        TrafficPolicy policy = policies.find(m.id()).orElse(TrafficPolicy.NONE);
        boolean samePrimary = current != null && current.modelId() == m.id() && current.primary().version() == holder;
        boolean sameCandidate = current != null && current.policy().equals(policy);
        if (samePrimary && sameCandidate && current.pendingVersion() == null) {
            return current;
        }
        LoadedVersion primary;
        Integer pending = null;
        String error = null;
        if (samePrimary) {
            primary = current.primary();
        } else {
            try {
                primary = cache.get(version(m, holder));
            } catch (BallastException e) {
                if (current == null || current.modelId() != m.id()) {
                    throw e;
                }
                primary = current.primary();
                pending = holder;
                error = e.getMessage();
            }
        }
        LoadedVersion candidate = null;
        if (policy.mode() != TrafficPolicy.Mode.NONE) {
            try {
                candidate = cache.get(version(m, policy.candidateVersion()));
            } catch (BallastException e) {
                error = error == null ? e.getMessage() : error + "; " + e.getMessage();
            }
        }
        long switchedAt = current != null && current.primary() == primary ? current.switchedAt() : clock.millis();
        return new Endpoint(model, m.id(), alias, primary, policy, candidate, pending, error, switchedAt);
    }

    private ModelVersion version(RegisteredModel m, int version) {
        Optional<ModelVersion> v = models.findVersion(m.id(), version);
        return v.orElseThrow(() -> BallastException.notFound("Model Version (name=" + m.name() + ", version=" + version + ") not found"));
    }

    private static BallastException notServed(String model) {
        return BallastException.notFound("Registered Model with name=" + model + " not found");
    }

    @PreDestroy
    void stop() {
        stopped = true;
        sync.shutdown();
    }
}
