package dev.ballast.drift.app.workflow;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.drift.domain.workflow.RetrainingPolicy;
import dev.ballast.drift.domain.workflow.StepName;
import dev.ballast.drift.domain.workflow.Workflow;
import dev.ballast.drift.domain.workflow.WorkflowStore;

import java.util.Map;

/**
 * What a step sees: its workflow, the policy in force, the outputs of the steps already done and
 * its own checkpoint (output saved part-way, e.g. the id of a run it created before a crash).
 */
public final class StepContext {
    private final Workflow workflow;
    private final RetrainingPolicy policy;
    private final int position;
    private final Map<StepName, Map<String, Object>> outputs;
    private final Map<String, Object> checkpoint;
    private final WorkflowStore store;
    private final WorkflowJson json;

    StepContext(Workflow workflow, RetrainingPolicy policy, int position, Map<StepName, Map<String, Object>> outputs,
                Map<String, Object> checkpoint, WorkflowStore store, WorkflowJson json) {
        this.workflow = workflow;
        this.policy = policy;
        this.position = position;
        this.outputs = outputs;
        this.checkpoint = checkpoint;
        this.store = store;
        this.json = json;
    }

    public Workflow workflow() {
        return workflow;
    }

    public RetrainingPolicy policy() {
        return policy;
    }

    /** The output of an earlier step of this workflow. */
    public Map<String, Object> output(StepName step) {
        Map<String, Object> out = outputs.get(step);
        if (out == null) {
            throw new BallastException(ErrorCode.INTERNAL_ERROR, "Workflow #" + workflow.id() + " has no output of step " + step.id());
        }
        return out;
    }

    public boolean has(StepName step) {
        return outputs.containsKey(step);
    }

    /** What this step saved before (an earlier attempt's checkpoint); empty on a first attempt. */
    public Map<String, Object> checkpoint() {
        return checkpoint;
    }

    /** Saves part of this step's output now (in the caller's transaction, if any). */
    public void saveCheckpoint(String key, Object value) {
        checkpoint.put(key, value);
        store.saveStepOutput(workflow.id(), position, json.write(checkpoint));
    }

    /** A string field of an output, which the step that wrote it always sets. */
    public static String string(Map<String, Object> output, String key) {
        Object v = output.get(key);
        if (v == null) {
            throw new BallastException(ErrorCode.INTERNAL_ERROR, "A step output lacks '" + key + "'.");
        }
        return v.toString();
    }

    public static int integer(Map<String, Object> output, String key) {
        Object v = output.get(key);
        return v instanceof Number n ? n.intValue() : Integer.parseInt(string(output, key));
    }
}
