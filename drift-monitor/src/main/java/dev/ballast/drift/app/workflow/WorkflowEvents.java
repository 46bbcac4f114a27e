package dev.ballast.drift.app.workflow;

import dev.ballast.drift.domain.workflow.Workflow;
import dev.ballast.registry.app.event.EventPublisher;
import dev.ballast.registry.domain.event.RegistryEvent;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/** Announces workflow changes to the registry's webhooks (inside the transaction of the change). */
@Singleton
public class WorkflowEvents {
    private final EventPublisher events;

    public WorkflowEvents(EventPublisher events) {
        this.events = events;
    }

    public void publish(String type, Workflow w, Map<String, Object> extra) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("workflow_id", w.id());
        data.put("model", w.model());
        data.put("trigger", w.trigger());
        data.put("state", w.state().id());
        if (w.checkId() != null) {
            data.put("check_id", w.checkId());
        }
        if (w.baseVersion() != null) {
            data.put("base_version", String.valueOf(w.baseVersion()));
        }
        if (w.newVersion() != null) {
            data.put("new_version", String.valueOf(w.newVersion()));
        }
        if (w.promotionId() != null) {
            data.put("promotion_id", w.promotionId());
        }
        data.putAll(extra);
        events.publish(new RegistryEvent(type, data), RetrainingActor.NAME);
    }
}
