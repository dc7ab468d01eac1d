package smos.engine.allowed;

import java.util.Map;
import java.util.Set;

/**
 * What published rule code (DRL and the code rows of decision tables) may use: the domain's own
 * classes, smos.common's value types, and values from java.lang, java.math, java.time and
 * java.util. Everything else is refused, so a person with a publish token can change policy but
 * cannot run programs, read files, open sockets, start threads, stop the server or reach the
 * engine. One list, read by both checks: the text of the parsed rules and the compiled classes.
 * docs/decision-tables.md, "Code that may run", gives the reasons to people.
 */
final class CodePolicy {
    static final String GUIDE = "see \"Code that may run\" in docs/decision-tables.md";

    /** java.lang's value types and arithmetic; plus the exceptions a rule may throw to say its data is wrong. */
    private static final Set<String> LANG = Set.of("java.lang.String", "java.lang.Integer", "java.lang.Long",
            "java.lang.Short", "java.lang.Byte", "java.lang.Double", "java.lang.Float", "java.lang.Boolean",
            "java.lang.Character", "java.lang.Number", "java.lang.Math", "java.lang.StrictMath",
            "java.lang.Comparable", "java.lang.CharSequence", "java.lang.Enum", "java.lang.StringBuilder",
            "java.lang.Iterable", "java.lang.Exception", "java.lang.RuntimeException", "java.lang.ArithmeticException",
            "java.lang.IllegalArgumentException", "java.lang.IllegalStateException");
    private static final Set<String> MATH = Set.of("java.math.BigDecimal", "java.math.BigInteger",
            "java.math.MathContext", "java.math.RoundingMode");
    /**
     * Collections are values an accumulate hands over (collectList, collectSet), and Optional a value a
     * domain method may return: read, never built up or changed.
     */
    private static final Set<String> COLLECTIONS = Set.of("java.util.List", "java.util.Set", "java.util.Map",
            "java.util.Map$Entry", "java.util.Collection", "java.util.Iterator", "java.util.Objects",
            "java.util.Collections", "java.util.Optional");
    private static final Set<String> COLLECTION_READS = Set.of("size", "isEmpty", "contains", "containsAll",
            "containsKey", "containsValue", "get", "getOrDefault", "indexOf", "lastIndexOf", "iterator", "hasNext",
            "next", "keySet", "values", "entrySet", "getKey", "getValue", "equals", "hashCode", "toString", "of",
            "copyOf", "subList", "hash", "isNull", "nonNull", "requireNonNull", "requireNonNullElse", "compare",
            "emptyList", "emptySet", "emptyMap", "unmodifiableList", "unmodifiableSet", "unmodifiableMap",
            "unmodifiableCollection", "singletonList", "singleton", "max", "min", "frequency", "isPresent", "orElse",
            "ofNullable", "empty");
    /** Object's value methods; getClass is reflection and wait/notify are threads. */
    private static final Set<String> OBJECT_MEMBERS = Set.of("<init>", "equals", "hashCode", "toString");
    /**
     * Members refused whoever owns them. The clock and the random generator are refused because a
     * decision must follow from its request alone (scenarios, replay and audit decide it again and
     * must get the same answer): the request carries the date it is decided for.
     */
    private static final Map<String, String> REFUSED_MEMBERS = Map.ofEntries(
            Map.entry("getClass", "reflection"), Map.entry("class", "reflection"),
            Map.entry("getDeclaringClass", "reflection"),
            Map.entry("wait", "threads"), Map.entry("notify", "threads"), Map.entry("notifyAll", "threads"),
            Map.entry("now", "the real clock: a decision follows from its request, which carries the date"),
            Map.entry("systemDefault", "the server's time zone: a decision follows from its request"),
            Map.entry("random", "randomness: a decision follows from its request"),
            Map.entry("getInteger", "system properties"), Map.entry("getLong", "system properties"),
            Map.entry("getBoolean", "system properties"));
    /** Not values although in an allowed package: the clock, and request ids (random and clock-based). */
    private static final Set<String> NOT_VALUES = Set.of("java.time.Clock", "java.time.InstantSource",
            "smos.common.RequestIds");

    private final String domainPackage;
    private final Set<String> generated;

    /**
     * @param domainPackage the Java package of the domain (its facts and decision), e.g. {@code smos.returns}
     * @param generated     classes the rules themselves define (declared types, compiled rules and functions),
     *                      which are checked on their own
     */
    CodePolicy(String domainPackage, Set<String> generated) {
        this.domainPackage = domainPackage + ".";
        this.generated = generated;
    }

    /** The same policy, also allowing classes the rules define themselves. */
    CodePolicy withGenerated(Set<String> more) {
        Set<String> all = new java.util.HashSet<>(generated);
        all.addAll(more);
        return new CodePolicy(domainPackage.substring(0, domainPackage.length() - ".".length()), all);
    }

    /** Whether rule code may name a type (binary name, nested classes with {@code $}). */
    boolean allowsType(String name) {
        if (NOT_VALUES.contains(name)) {
            return false;
        }
        return name.startsWith(domainPackage) || generated.contains(name) || name.startsWith("smos.common.")
                || LANG.contains(name) || MATH.contains(name) || COLLECTIONS.contains(name)
                || isTimeValue(name) || name.equals("java.lang.Object");
    }

    /** java.time and its temporal, format and chrono packages; not java.time.zone (rule providers, not values). */
    private static boolean isTimeValue(String name) {
        if (!name.startsWith("java.time.")) {
            return false;
        }
        String rest = name.substring("java.time.".length());
        return rest.indexOf('.') < 0 || rest.startsWith("temporal.") || rest.startsWith("format.") || rest.startsWith("chrono.");
    }

    /** Whether a wildcard import names a package the rules may draw from. */
    boolean allowsPackage(String pkg) {
        return (pkg + ".").startsWith(domainPackage) || pkg.equals("smos.common") || pkg.equals("java.math")
                || pkg.equals("java.lang") || pkg.equals("java.util") || pkg.equals("java.time") || isTimeValue(pkg + ".X");
    }

    /**
     * Why rule code may not use {@code member} of {@code owner} (a binary class name), or null when it
     * may. The owner itself must be allowed: a refused type refuses all its members.
     */
    String refusal(String owner, String member) {
        String refused = REFUSED_MEMBERS.get(member);
        if (refused != null) {
            return refused;
        }
        if (!allowsType(owner)) {
            return "outside the classes rules may use";
        }
        if (owner.equals("java.lang.Object") && !OBJECT_MEMBERS.contains(member)) {
            return "outside Object's value methods";
        }
        if (owner.startsWith("java.lang.") && owner.endsWith("Exception") && !member.equals("<init>") && !member.equals("getMessage")) {
            return "an exception is thrown or caught, not printed or inspected";
        }
        if (COLLECTIONS.contains(owner) && !COLLECTION_READS.contains(member)) {
            return "changes a collection: rules read collections, never change them";
        }
        return null;
    }

    /**
     * Members that are refused on a receiver whose type the text check cannot tell: every member
     * refused whatever its owner, and the names that lead out of the allowed types.
     */
    static String refusalOnUnknown(String member) {
        String refused = REFUSED_MEMBERS.get(member);
        if (refused != null) {
            return refused;
        }
        return switch (member) {
            case "getClassLoader", "classLoader", "forName", "newInstance", "getMethod", "getDeclaredMethod",
                 "getMethods", "getDeclaredMethods", "getField", "getDeclaredField", "getConstructor",
                 "getDeclaredConstructor", "setAccessible", "invoke", "loadClass", "defineClass", "lookup" -> "reflection";
            case "getRuntime", "runtime", "exec", "exit", "halt" -> "the process";
            case "getKieRuntime", "kieRuntime", "getKnowledgeRuntime", "knowledgeRuntime", "getWorkingMemory",
                 "workingMemory", "getKieBase", "kieBase", "getKieSession", "getSession", "getEntryPoint",
                 "getChannels", "getRuleUnit" -> "the engine";
            default -> null;
        };
    }

    /** Collection changes are refused in conditions on any receiver: a condition only reads. */
    static boolean changesACollection(String member) {
        return switch (member) {
            case "add", "addAll", "remove", "removeAll", "removeIf", "retainAll", "clear", "put", "putAll",
                 "putIfAbsent", "compute", "computeIfAbsent", "computeIfPresent", "merge", "replace", "replaceAll",
                 "set", "sort" -> true;
            default -> false;
        };
    }
}
