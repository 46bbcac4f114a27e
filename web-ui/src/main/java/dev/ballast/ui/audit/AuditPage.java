package dev.ballast.ui.audit;

import dev.ballast.core.error.BallastException;
import dev.ballast.registry.app.AuditLog;
import dev.ballast.registry.domain.audit.AuditEntry;
import dev.ballast.registry.domain.audit.AuditQuery;
import dev.ballast.ui.shell.PageModel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The registry's append-only audit log, newest first, 50 entries a page (the store's indexed,
 * LIMITed query with an id cursor), filtered by actor, model, action, entity type and a range of
 * UTC days. Filters are plain query parameters, so a filtered view can be bookmarked or shared.
 */
@Hidden
@Controller("/ui/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditPage {
    static final int PAGE_SIZE = 50;
    /** The actions the registry records, offered as suggestions in the action filter. */
    static final List<String> ACTIONS = List.of("alias.set", "alias.delete", "card.update", "gates.set", "model.create", "model.delete",
            "model.rename", "model.update", "model.set_tag", "model.delete_tag", "promotion.request", "promotion.request_override",
            "promotion.override", "promotion.approve", "promotion.reject", "promotion.rollback", "stage.transition", "version.create",
            "version.delete", "version.update", "version.set_tag", "version.delete_tag", "serving.policy", "retraining_policy.update");
    static final List<String> ENTITY_TYPES = List.of(AuditLog.MODEL, AuditLog.VERSION, AuditLog.PROMOTION, AuditLog.GATES, AuditLog.CARD);

    private final AuditLog audit;

    public AuditPage(AuditLog audit) {
        this.audit = audit;
    }

    @Get
    @View("audit/audit")
    public PageModel list(@QueryValue @Nullable String actor, @QueryValue @Nullable String model, @QueryValue @Nullable String action,
                          @QueryValue @Nullable String entity, @QueryValue @Nullable String from, @QueryValue @Nullable String to,
                          @QueryValue @Nullable Long before) {
        Long since = day(from, "from");
        Long until = day(to, "to");
        if (until != null) {
            until += 86_400_000L;
        }
        List<AuditEntry> entries = audit.find(new AuditQuery(blank(model), blank(entity), null, blank(actor), blank(action), since, until,
                before, PAGE_SIZE));
        Long next = entries.size() == PAGE_SIZE ? entries.get(entries.size() - 1).id() : null;
        return PageModel.of("audit")
                .with("entries", entries)
                .with("nextBefore", next)
                .with("filtered", blank(actor) != null || blank(model) != null || blank(action) != null || blank(entity) != null
                        || since != null || until != null)
                .with("f", new Filters(text(actor), text(model), text(action), text(entity), text(from), text(to)))
                .with("actions", ACTIONS)
                .with("entityTypes", ENTITY_TYPES);
    }

    /** The filters as given, for the form and the next-page link. */
    public record Filters(String actor, String model, String action, String entity, String from, String to) {
    }

    /** Midnight UTC of a {@code yyyy-MM-dd} day in epoch millis; null when not given. */
    static Long day(String text, String field) {
        if (blank(text) == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw BallastException.invalid("Invalid '" + field + "' date '" + text + "': use YYYY-MM-DD.");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
