package dev.ballast.tracking.domain;

import java.util.List;
import java.util.Map;

/** A run with everything MLflow returns for it: attributes, latest metrics, params, tags and inputs. */
public record Run(RunInfo info, List<Metric> latestMetrics, Map<String, String> params, Map<String, String> tags,
                  List<DatasetInput> inputs) {
}
