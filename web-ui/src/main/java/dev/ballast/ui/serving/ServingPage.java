package dev.ballast.ui.serving;

import dev.ballast.core.error.BallastException;
import dev.ballast.registry.app.serving.Endpoint;
import dev.ballast.registry.app.serving.ServingSettings;
import dev.ballast.registry.app.serving.ServingTable;
import dev.ballast.registry.app.serving.TrafficPolicyService;
import dev.ballast.registry.domain.serving.TrafficPolicy;
import dev.ballast.ui.shell.PageModel;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The serving overview: per served model its endpoints and the versions they have loaded, the
 * traffic policy, and live request rate, error rate and latency from Ballast's own meters
 * ({@link ServingRates}). The figures are a fragment the page reloads every 5 seconds with htmx.
 * A model is listed once this replica resolved an endpoint for it or counted a request to it.
 */
@Hidden
@Controller("/ui/serving")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ServingPage {
    private final ServingTable table;
    private final TrafficPolicyService policies;
    private final ServingSettings settings;
    private final ServingRates rates;

    public ServingPage(ServingTable table, TrafficPolicyService policies, ServingSettings settings, ServingRates rates) {
        this.table = table;
        this.policies = policies;
        this.settings = settings;
        this.rates = rates;
    }

    /**
     * One endpoint as loaded here.
     *
     * @param path the URL path clients post to
     */
    public record EndpointView(String alias, String path, int version, Integer candidate, Integer pending, String loadError,
                               long switchedAt) {
    }

    /** One served model: its endpoints, its traffic policy in words, and its live figures (null before any request). */
    public record ServedModel(String name, List<EndpointView> endpoints, String traffic, ServingRates.Live live) {
    }

    @Get
    @View("serving/serving")
    public PageModel page() {
        return live().with("windowSeconds", ServingRates.WINDOW_MS / 1000);
    }

    @Get("/live")
    @View("serving/live")
    public PageModel live() {
        Map<String, List<EndpointView>> byModel = new TreeMap<>();
        for (Endpoint e : table.endpoints()) {
            String path = "/serving/" + e.model() + (e.alias().equals(settings.defaultAlias()) ? "" : "@" + e.alias()) + "/predict";
            byModel.computeIfAbsent(e.model(), m -> new ArrayList<>()).add(new EndpointView(e.alias(), path, e.primary().version(),
                    e.candidate() == null ? null : e.candidate().version(), e.pendingVersion(), e.loadError(), e.switchedAt()));
        }
        Map<String, ServingRates.Live> live = rates.live();
        TreeSet<String> names = new TreeSet<>(byModel.keySet());
        names.addAll(live.keySet());
        names.remove("");
        List<ServedModel> models = new ArrayList<>();
        for (String name : names) {
            models.add(new ServedModel(name, byModel.getOrDefault(name, List.of()), traffic(name), live.get(name)));
        }
        return PageModel.of("serving").with("models", models).with("windowSeconds", ServingRates.WINDOW_MS / 1000);
    }

    private String traffic(String model) {
        TrafficPolicy p;
        try {
            p = policies.get(model);
        } catch (BallastException e) {
            return "model no longer registered";
        }
        String alias = settings.defaultAlias();
        return switch (p.mode()) {
            case NONE -> "all requests to the " + alias + " (no canary or shadow)";
            case CANARY -> "canary: " + trim(p.canaryPercent()) + "% of requests to v" + p.candidateVersion() + ", "
                    + trim(100 - p.canaryPercent()) + "% to the " + alias;
            case SHADOW -> "shadow: the " + alias + " answers every request, v" + p.candidateVersion() + " gets a copy to compare";
        };
    }

    private static String trim(double percent) {
        return percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent);
    }
}
