package smos.request;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bounds of a numeric request field (input validity from the JSON contract, not policy).
 * An empty bound is open; exclusive bounds reject the bound itself.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface Range {
    String min() default "";

    String max() default "";

    boolean minExclusive() default false;

    boolean maxExclusive() default false;
}
