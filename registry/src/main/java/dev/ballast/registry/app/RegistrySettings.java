package dev.ballast.registry.app;

import dev.ballast.registry.domain.model.Stage;
import dev.ballast.registry.domain.promotion.Target;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which registry targets only reviewed promotions may move:
 * {@code ballast.registry.protected-aliases} (default {@code champion}) and
 * {@code ballast.registry.protected-stages} (default {@code Production}). The first protected
 * alias is also the target gates compare against when a version is created.
 */
@Singleton
public class RegistrySettings {
    private final List<String> protectedAliases;
    private final Set<Stage> protectedStages;

    public RegistrySettings(@Value("${ballast.registry.protected-aliases:champion}") List<String> protectedAliases,
                            @Value("${ballast.registry.protected-stages:Production}") List<String> protectedStages) {
        this.protectedAliases = protectedAliases.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        this.protectedStages = protectedStages.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Stage::parse)
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean isProtected(Target target) {
        return target.kind() == Target.Kind.ALIAS
                ? protectedAliases.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(target.name().toLowerCase(Locale.ROOT)))
                : protectedStages.contains(target.stage());
    }

    /** The target a new version's gates are first evaluated for: the first protected alias, else {@code champion}. */
    public Target defaultTarget() {
        return Target.alias(protectedAliases.isEmpty() ? "champion" : protectedAliases.get(0));
    }
}
