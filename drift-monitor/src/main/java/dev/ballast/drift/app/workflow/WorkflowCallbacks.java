package dev.ballast.drift.app.workflow;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.drift.domain.workflow.Executor;
import dev.ballast.drift.domain.workflow.RetrainingPolicy;
import dev.ballast.drift.domain.workflow.StepName;
import dev.ballast.drift.domain.workflow.StepState;
import dev.ballast.drift.domain.workflow.Workflow;
import dev.ballast.drift.domain.workflow.WorkflowState;
import dev.ballast.drift.domain.workflow.WorkflowStep;
import dev.ballast.drift.domain.workflow.WorkflowStore;
import dev.ballast.registry.app.event.WebhookSignature;
import dev.ballast.registry.domain.event.RegistryEventType;
import dev.ballast.tracking.app.RunService;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The external executor's completion callback. It authenticates by signature, not by user: the
 * body must be signed like Ballast's own webhook calls ({@code X-Ballast-Signature} = HMAC-SHA256
 * with the policy's secret of {@code <X-Ballast-Timestamp>.<body>}) and be recent. A success names
 * the run the executor logged (its model under {@code artifact_path}, default {@code model}); the
 * workflow then registers that version, judges its gates and opens the promotion request. A
 * failure fails the workflow with the executor's message. A second callback is refused (409).
 */
@Singleton
public class WorkflowCallbacks {
    private static final Pattern ARTIFACT_PATH = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

    private final WorkflowStore store;
    private final RunService runs;
    private final WorkflowJson json;
    private final WorkflowEvents events;
    private final WorkflowEngine engine;
    private final WorkflowSettings settings;
    private final Clock clock;

    public WorkflowCallbacks(WorkflowStore store, RunService runs, WorkflowJson json, WorkflowEvents events, WorkflowEngine engine,
                             WorkflowSettings settings, Clock clock) {
        this.store = store;
        this.runs = runs;
        this.json = json;
        this.events = events;
        this.engine = engine;
        this.settings = settings;
        this.clock = clock;
    }

    /** The callback's fields. {@code status} is {@code succeeded} or {@code failed}. */
    public record Completion(String status, @Nullable String runId, @Nullable String artifactPath, @Nullable String error) {
    }

    @Transactional
    public Workflow complete(long id, @Nullable String timestamp, @Nullable String signature, byte[] body) {
        Workflow w = store.lock(id).orElseThrow(() -> BallastException.notFound("Workflow " + id + " not found."));
        RetrainingPolicy policy = PolicyJson.read(json, w.policyJson());
        verify(w, policy, timestamp, signature, body);
        Completion c = parse(body);
        WorkflowStep step = store.steps(id).stream().filter(s -> s.name() == StepName.AWAIT_CALLBACK).findFirst().orElseThrow();
        if (!w.state().open() || step.state().done() || step.state() == StepState.FAILED) {
            throw new BallastException(ErrorCode.RESOURCE_CONFLICT, "Workflow #" + id + " already has its executor's result ("
                    + w.state().id() + ").");
        }
        long now = clock.millis();
        if ("failed".equals(c.status())) {
            String message = "external executor: " + (c.error() == null ? "failed" : c.error());
            store.finishStep(id, step.position(), StepState.FAILED, null, message, now);
            Workflow failed = WorkflowRunner.with(w, WorkflowState.FAILED, StepName.AWAIT_CALLBACK.id() + ": " + message,
                    w.nextAttemptAt(), now, now);
            store.update(failed);
            events.publish(RegistryEventType.WORKFLOW_FAILED, failed, Map.of("step", StepName.AWAIT_CALLBACK.id(), "error", message));
            return failed;
        }
        runs.get(c.runId());
        String path = c.artifactPath() == null ? "model" : c.artifactPath();
        Map<String, Object> out = new LinkedHashMap<>(json.read(step.output()));
        out.put("run_id", c.runId());
        out.put("artifact_path", path);
        out.put("source", "runs:/" + c.runId() + "/" + path);
        out.put("received_at", now);
        store.finishStep(id, step.position(), StepState.SUCCEEDED, json.write(out), null, now);
        Workflow resumed = new Workflow(w.id(), w.model(), w.trigger(), w.monitorId(), w.checkId(), w.reason(), WorkflowState.RUNNING,
                w.executor(), w.policyJson(), w.baseVersion(), c.runId(), w.newVersion(), w.promotionId(), null, now, w.createdBy(),
                w.createdAt(), now, null);
        store.update(resumed);
        events.publish(RegistryEventType.WORKFLOW_STEP_COMPLETED, resumed, Map.of("step", StepName.AWAIT_CALLBACK.id(),
                "step_state", StepState.SUCCEEDED.id()));
        engine.startAfterCommit(id);
        return resumed;
    }

    private void verify(Workflow w, RetrainingPolicy policy, @Nullable String timestamp, @Nullable String signature, byte[] body) {
        if (w.executor() != Executor.EXTERNAL || policy.secret() == null) {
            throw BallastException.denied("Workflow #" + w.id() + " is not run by an external executor; it takes no callback.");
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp == null ? "" : timestamp.trim());
        } catch (NumberFormatException e) {
            throw new BallastException(ErrorCode.UNAUTHENTICATED, "Send X-Ballast-Timestamp (Unix seconds) and X-Ballast-Signature.");
        }
        long age = Math.abs(clock.instant().getEpochSecond() - ts);
        if (age > settings.callbackMaxAge().toSeconds()) {
            throw new BallastException(ErrorCode.UNAUTHENTICATED, "The callback's timestamp is " + age + " s away from Ballast's clock;"
                    + " at most " + settings.callbackMaxAge().toSeconds() + " s is accepted.");
        }
        String expected = WebhookSignature.sign(policy.secret(), ts, body);
        if (signature == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.trim().getBytes(StandardCharsets.US_ASCII))) {
            throw new BallastException(ErrorCode.UNAUTHENTICATED, "The callback's X-Ballast-Signature does not match its body.");
        }
    }

    private Completion parse(byte[] body) {
        Map<String, Object> m;
        try {
            m = json.read(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw BallastException.invalid("The callback body is not a JSON object.");
        }
        Object status = m.get("status");
        if (!"succeeded".equals(status) && !"failed".equals(status)) {
            throw BallastException.invalid("'status' must be \"succeeded\" or \"failed\".");
        }
        String runId = text(m, "run_id");
        String path = text(m, "artifact_path");
        String error = text(m, "error");
        if ("succeeded".equals(status) && (runId == null || runId.isBlank())) {
            throw BallastException.invalid("A succeeded callback names the 'run_id' the executor logged the model to.");
        }
        if (path != null && (!ARTIFACT_PATH.matcher(path).matches() || path.contains(".."))) {
            throw BallastException.invalid("'artifact_path' must be a relative path such as 'model'.");
        }
        if (error != null && error.length() > 2000) {
            error = error.substring(0, 2000);
        }
        return new Completion((String) status, runId, path, error);
    }

    private static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v != null && !(v instanceof String)) {
            throw BallastException.invalid("'" + key + "' must be a string.");
        }
        return (String) v;
    }
}
