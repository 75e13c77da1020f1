package dev.weft.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Routes POST requests for these path patterns to the annotated method, the seeds' {@code @route} decorator:
 * {@code @Post("/info")} or {@code @Post({"/", "/index.html"})}. See {@link AnnotatedRoutes} for the method shapes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Post {

    String[] value();
}
