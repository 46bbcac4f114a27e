package dev.ballast.drift.app.workflow.steps;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.drift.app.workflow.StepAction;
import dev.ballast.drift.app.workflow.StepContext;
import dev.ballast.drift.app.workflow.StepResult;
import dev.ballast.drift.app.workflow.WorkflowJson;
import dev.ballast.drift.app.workflow.WorkflowSettings;
import dev.ballast.drift.domain.workflow.RetrainingPolicy;
import dev.ballast.drift.domain.workflow.StepName;
import dev.ballast.drift.domain.workflow.Workflow;
import dev.ballast.registry.app.event.WebhookSender;
import dev.ballast.registry.app.event.WebhookSignature;
import dev.ballast.registry.domain.model.ModelVersion;
import dev.ballast.tracking.app.RunService;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Step 2 of an external workflow: hands training to the configured executor with one signed POST
 * of the workflow payload. The body is shaped as Airflow's DAG-run trigger ({@code dag_run_id},
 * {@code conf}), which CI pipelines' generic webhooks also accept; {@code dag_run_id} is stable
 * per workflow, so a repeat after a crash is refused by Airflow as a duplicate instead of training
 * twice. Signed like Ballast's webhooks ({@code X-Ballast-Timestamp}, {@code X-Ballast-Signature}).
 * A 409 answer counts as already dispatched; other non-2xx answers are retried with backoff.
 */
@Singleton
public class DispatchStep implements StepAction {
    public static final String WORKFLOW_HEADER = "X-Ballast-Workflow";

    private final BaseVersion base;
    private final RunService runs;
    private final WorkflowJson json;
    private final WorkflowSettings settings;
    private final Clock clock;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

    public DispatchStep(BaseVersion base, RunService runs, WorkflowJson json, WorkflowSettings settings, Clock clock) {
        this.base = base;
        this.runs = runs;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public StepName name() {
        return StepName.DISPATCH;
    }

    @Override
    public boolean atomic() {
        return false;
    }

    @Override
    public StepResult run(StepContext context) {
        RetrainingPolicy policy = context.policy();
        byte[] body = json.write(payload(context)).getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(policy.webhookUrl()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Ballast-Workflows")
                .header(WORKFLOW_HEADER, String.valueOf(context.workflow().id()))
                .header(WebhookSender.TIMESTAMP, Long.toString(timestamp))
                .header(WebhookSender.SIGNATURE, WebhookSignature.sign(policy.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BallastException(ErrorCode.TEMPORARILY_UNAVAILABLE, "The executor at " + policy.webhookUrl() + " did not answer: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BallastException(ErrorCode.TEMPORARILY_UNAVAILABLE, "Interrupted while calling the executor.", e);
        }
        int status = response.statusCode();
        if ((status < 200 || status >= 300) && status != 409) {
            String start = response.body().length() > 300 ? response.body().substring(0, 300) : response.body();
            throw new BallastException(ErrorCode.TEMPORARILY_UNAVAILABLE, "The executor answered HTTP " + status + ": " + start);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("webhook_url", policy.webhookUrl());
        out.put("http_status", status);
        out.put("dispatched_at", clock.millis());
        return StepResult.done(out);
    }

    /** What the executor needs to train and to call back. */
    Map<String, Object> payload(StepContext context) {
        Workflow w = context.workflow();
        ModelVersion current = base.of(w);
        Map<String, Object> data = context.output(StepName.CHOOSE_DATA);
        String publicUrl = settings.publicUrl();
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("workflow_id", w.id());
        conf.put("model", w.model());
        conf.put("base_version", String.valueOf(current.version()));
        conf.put("reason", w.reason());
        if (current.modelSpec() != null) {
            conf.put("recipe", base.spec(current).get("trainer"));
        }
        Map<String, Object> dataset = new LinkedHashMap<>(data);
        dataset.put("content_url", publicUrl + "/api/v1/datasets/" + encode(StepContext.string(data, "dataset")) + "/versions/"
                + StepContext.string(data, "commit") + "/content");
        conf.put("dataset", dataset);
        conf.put("target_column", context.policy().targetColumn());
        conf.put("train_fraction", context.policy().trainFraction());
        conf.put("seed", context.policy().seed());
        conf.put("tracking_uri", publicUrl);
        if (current.runId() != null) {
            conf.put("experiment_id", String.valueOf(runs.get(current.runId()).info().experimentId()));
        }
        conf.put("callback_url", publicUrl + "/api/v1/workflows/" + w.id() + "/callback");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dag_run_id", "ballast-workflow-" + w.id());
        body.put("conf", conf);
        return body;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
