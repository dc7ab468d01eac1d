package smos.engine.allowed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the type names a DRL file's code uses the way Drools does: its imports, its own package,
 * wildcard imports, then java.lang. Classes are looked up without being initialized, so naming a
 * class in a rule never runs its code.
 */
final class TypeNames {
    private final ClassLoader loader;
    private final String drlPackage;
    private final Map<String, String> imported = new HashMap<>();
    private final List<String> wildcards = new ArrayList<>();
    private final Set<String> declared;
    private final Map<String, Optional<Class<?>>> cache = new HashMap<>();

    TypeNames(ClassLoader loader, String drlPackage, List<String> imports, Set<String> declared) {
        this.loader = loader;
        this.drlPackage = drlPackage;
        this.declared = new HashSet<>(declared);
        for (String target : imports) {
            if (target.endsWith(".*")) {
                wildcards.add(target.substring(0, target.length() - 2));
            } else {
                imported.put(target.substring(target.lastIndexOf('.') + 1), target);
            }
        }
    }

    /** A type declared in the DRL itself ({@code declare}): a value class Drools generates. */
    boolean isDeclared(String simpleName) {
        return declared.contains(simpleName);
    }

    /** A simple name as the code of this DRL file sees it. */
    Optional<Class<?>> simple(String name) {
        if (declared.contains(name)) {
            return Optional.empty();
        }
        String qualified = imported.get(name);
        if (qualified != null) {
            return load(qualified);
        }
        List<String> candidates = new ArrayList<>();
        if (drlPackage != null && !drlPackage.isEmpty()) {
            candidates.add(drlPackage + "." + name);
        }
        wildcards.forEach(w -> candidates.add(w + "." + name));
        candidates.add("java.lang." + name);
        for (String candidate : candidates) {
            Optional<Class<?>> found = load(candidate);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** A type name as written: simple, qualified, or qualified with nested classes ({@code a.b.Outer.Inner}). */
    Optional<Class<?>> named(String name) {
        String plain = name.replaceAll("<.*>", "").replace("[]", "").replace("...", "").trim();
        return plain.contains(".") ? load(plain).or(() -> nestedOfSimple(plain)) : simple(plain);
    }

    private Optional<Class<?>> nestedOfSimple(String name) {
        int dot = name.indexOf('.');
        return simple(name.substring(0, dot)).flatMap(outer -> load(outer.getName() + "$" + name.substring(dot + 1).replace('.', '$')));
    }

    /** A qualified name, trying {@code $} for the last dots so that nested classes are found too. */
    Optional<Class<?>> load(String qualified) {
        return cache.computeIfAbsent(qualified, q -> {
            String name = q;
            while (true) {
                try {
                    return Optional.of(Class.forName(name, false, loader));
                } catch (ClassNotFoundException | LinkageError e) {
                    int dot = name.lastIndexOf('.');
                    if (dot < 0) {
                        return Optional.empty();
                    }
                    name = name.substring(0, dot) + "$" + name.substring(dot + 1);
                }
            }
        });
    }
}
