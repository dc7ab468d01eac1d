package smos.request;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A list that may hold at most {@code value} items. Every list of a request has one: the bound sits
 * far above any real request and keeps a decision small (the rules run over every item), so a list
 * past it is a 400 naming the list instead of a decision that runs away. Each use says why its number.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface MaxItems {
    int value();
}
