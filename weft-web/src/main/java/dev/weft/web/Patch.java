package dev.weft.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Routes PATCH requests for these path patterns to the annotated method, the seeds' {@code @route} decorator:
 * {@code @Patch("/info")} or {@code @Patch({"/", "/index.html"})}. See {@link AnnotatedRoutes} for the method shapes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Patch {

    String[] value();
}
