package dev.ballast.core.identity;

import dev.ballast.core.identity.domain.Role;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares which roles may call a controller or one of its methods; ADMIN may always. Routes
 * without it are open to every authenticated user. The HTTP authentication filter enforces it,
 * so module controllers declare access without depending on the security implementation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresRole {
    Role[] value();
}
