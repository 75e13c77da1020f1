package dev.weft.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Routes PUT requests for these path patterns to the annotated method, the seeds' {@code @route} decorator:
 * {@code @Put("/info")} or {@code @Put({"/", "/index.html"})}. See {@link AnnotatedRoutes} for the method shapes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Put {

    String[] value();
}
