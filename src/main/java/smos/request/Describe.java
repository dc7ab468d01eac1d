package smos.request;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A sentence for integrators about a request or decision record or one of its fields: it becomes the
 * {@code description} of the schema in the OpenAPI document and of the field in the domain's page
 * (javadoc is not there at run time).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface Describe {
    String value();
}
