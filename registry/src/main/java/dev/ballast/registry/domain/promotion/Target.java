package dev.ballast.registry.domain.promotion;

import dev.ballast.core.error.BallastException;
import dev.ballast.registry.domain.model.RegistryNames;
import dev.ballast.registry.domain.model.Stage;

import java.util.Locale;

/**
 * Where a promotion moves a version: an alias ({@code champion}) or a stage ({@code Production}).
 * An alias has at most one holder; a stage may hold several versions in MLflow, but a promotion
 * into Staging or Production archives the others, so it too has one holder afterwards.
 */
public record Target(Kind kind, String name) {
    public enum Kind {
        ALIAS, STAGE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    public static Target alias(String alias) {
        return new Target(Kind.ALIAS, RegistryNames.requireAlias(alias));
    }

    public static Target stage(Stage stage) {
        return new Target(Kind.STAGE, stage.label());
    }

    /** The stage of a STAGE target. */
    public Stage stage() {
        if (kind != Kind.STAGE) {
            throw new IllegalStateException("not a stage target: " + this);
        }
        return Stage.fromLabel(name);
    }

    /**
     * Reads a request's target: exactly one of {@code alias} and {@code stage} must be given.
     */
    public static Target of(String alias, String stage) {
        boolean hasAlias = alias != null && !alias.isBlank();
        boolean hasStage = stage != null && !stage.isBlank();
        if (hasAlias == hasStage) {
            throw BallastException.invalid("Give exactly one target: 'alias' (for example champion) or 'stage' (for example Production).");
        }
        return hasAlias ? alias(alias) : stage(Stage.parse(stage));
    }

    /** {@code alias 'champion'} or {@code stage 'Production'}, for messages. */
    public String describe() {
        return kind.code() + " '" + name + "'";
    }
}
