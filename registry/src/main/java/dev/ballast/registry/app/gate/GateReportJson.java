package dev.ballast.registry.app.gate;

import dev.ballast.registry.domain.gate.GateReport;
import dev.ballast.registry.domain.gate.RuleResult;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads a {@link GateReport} as JSON in snake_case, the form stored with evaluations
 * and promotions and shown by the API, so a stored report reads back exactly as it was judged.
 */
@Singleton
public class GateReportJson {
    private final ObjectMapper json;

    public GateReportJson(ObjectMapper json) {
        this.json = json;
    }

    public static Map<String, Object> toMap(GateReport report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("passed", report.passed());
        out.put("champion", report.champion());
        List<Map<String, Object>> results = new ArrayList<>();
        for (RuleResult r : report.results()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", r.rule());
            m.put("metric", r.metric());
            m.put("value", r.value());
            m.put("threshold", r.threshold());
            m.put("comparator", r.comparator());
            m.put("passed", r.passed());
            m.put("detail", r.detail());
            results.add(m);
        }
        out.put("results", results);
        return out;
    }

    public String write(GateReport report) {
        try {
            return json.writeValueAsString(toMap(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public GateReport read(String text) {
        try {
            Map<String, Object> m = json.readValue(text, Map.class);
            List<RuleResult> results = new ArrayList<>();
            for (Object o : (List<Object>) m.getOrDefault("results", List.of())) {
                Map<String, Object> r = (Map<String, Object>) o;
                results.add(new RuleResult((String) r.get("rule"), (String) r.get("metric"), number(r.get("value")),
                        number(r.get("threshold")), (String) r.get("comparator"), Boolean.TRUE.equals(r.get("passed")),
                        (String) r.get("detail")));
            }
            return GateReport.of(results, (String) m.get("champion"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Double number(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
