package smos.contract;

import smos.engine.DecisionDomain;
import smos.engine.DomainDefinition;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** What the records of a domain are: its decision type (from its type arguments) and every record a request holds. */
final class DomainTypes {
    private DomainTypes() {
    }

    /**
     * {@code D} of {@code DecisionDomain<Q, D>} (or of {@code DomainDefinition<Q, D>}, which passes it on)
     * as the domain's class declares it; Object when it does not say.
     */
    static Class<?> decisionType(DecisionDomain<?, ?> domain) {
        for (Class<?> c = domain.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getGenericSuperclass() instanceof ParameterizedType p && p.getRawType() == DomainDefinition.class
                    && p.getActualTypeArguments()[1] instanceof Class<?> decision) {
                return decision;
            }
            for (Type type : c.getGenericInterfaces()) {
                if (type instanceof ParameterizedType p && p.getRawType() == DecisionDomain.class
                        && p.getActualTypeArguments()[1] instanceof Class<?> decision) {
                    return decision;
                }
            }
        }
        return Object.class;
    }

    /** The request type and every record reachable from it through fields and list items. */
    static Set<Class<?>> records(Class<?> root) {
        Set<Class<?>> found = new LinkedHashSet<>();
        collect(root, found);
        return found;
    }

    private static void collect(Type type, Set<Class<?>> found) {
        if (type instanceof ParameterizedType p) {
            if (p.getRawType() instanceof Class<?> raw && Collection.class.isAssignableFrom(raw)) {
                for (Type argument : p.getActualTypeArguments()) {
                    collect(argument, found);
                }
            }
            return;
        }
        if (type instanceof Class<?> c && c.isRecord() && found.add(c)) {
            for (RecordComponent component : c.getRecordComponents()) {
                collect(component.getGenericType(), found);
            }
        }
    }
}
