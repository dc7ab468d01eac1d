package smos.engine.allowed;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one piece of rule code (a condition, an eval, a from or accumulate expression, a consequence,
 * a function body) as tokens and finds what it may not use. Conditions are interpreted by MVEL, so
 * nothing compiled is left to inspect: the text is all there is. The scan follows each chain of names
 * ({@code java.lang.Runtime.getRuntime().exec}) from the first name that is a class, typing the chain
 * through the declared return types, and checks every class and member against the {@link CodePolicy}.
 * Where a receiver's type cannot be told from the text (a bound variable), the members that lead out
 * of the allowed types are refused by name. Java code is also checked after compiling
 * ({@link ClassFileCheck}); this scan gives the earlier, closer message.
 */
final class CodeScan {

    enum Kind {
        /** A condition, eval, from, accumulate argument, attribute or initial value: one expression, no effects. */
        EXPRESSION,
        /** Java statements (consequence or function body), compiled into a method by Drools. */
        JAVA_BLOCK,
        /** MVEL statements (a consequence in {@code dialect "mvel"}), interpreted. */
        MVEL_BLOCK
    }

    /**
     * What code uses that it may not, and why: {@code java.lang.Runtime.exec}, "outside the classes rules
     * may use"; {@code line} counts from the first line of the code (0 for the first).
     */
    record Use(String what, String why, int line) {
    }

    private record Token(String text, char kind, int at) {
        boolean is(String s) {
            return kind == 'p' && text.equals(s);
        }
    }

    private record Segment(String name, int token, boolean called) {
    }

    private static final Set<String> WORDS = Set.of("this", "super", "true", "false", "null", "instanceof", "return",
            "if", "else", "throw", "try", "catch", "finally", "int", "long", "double", "float", "boolean", "char",
            "byte", "short", "void", "var", "final", "case", "switch", "default", "break", "continue", "in", "contains",
            "not", "matches", "memberOf", "soundslike", "excludes", "str", "nil", "empty", "isdef", "after", "before",
            "coincides", "during", "finishes", "finishedby", "includes", "meets", "metby", "overlaps", "overlappedby",
            "starts", "startedby", "from", "accumulate", "collect", "new", "and", "or", "exists", "forall", "eval",
            "modify", "insert", "insertLogical", "update", "delete", "retract", "then", "end", "when");
    private static final Set<String> DEFINING = Set.of("def", "function", "import");
    private static final Set<String> LOOPS = Set.of("foreach", "for", "while", "do", "until");
    private static final Set<String> ENGINE_CALLS = Set.of("getRule", "insert", "insertLogical", "update", "delete",
            "retract");

    private final TypeNames types;
    private final CodePolicy policy;
    private final Kind kind;
    private final Map<String, Use> found = new LinkedHashMap<>();
    private String code = "";
    private int at;

    private CodeScan(TypeNames types, CodePolicy policy, Kind kind) {
        this.types = types;
        this.policy = policy;
        this.kind = kind;
    }

    static List<Use> scan(String code, Kind kind, TypeNames types, CodePolicy policy) {
        CodeScan scan = new CodeScan(types, policy, kind);
        if (code != null && !code.isBlank()) {
            scan.run(code);
        }
        return List.copyOf(scan.found.values());
    }

    private void note(String what, String why) {
        int line = 0;
        for (int i = 0; i < Math.min(at, code.length()); i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        found.putIfAbsent(what, new Use(what, why, line));
    }

    private void run(String code) {
        this.code = code;
        if (kind == Kind.JAVA_BLOCK && code.contains("\\u")) {
            note("\\u escape", "the Java compiler reads unicode escapes as code; write the character itself");
        }
        List<Token> tokens = tokens(code);
        if (kind == Kind.JAVA_BLOCK) {
            checkBlocks(tokens);
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            at = t.at();
            if (t.kind() == 'p') {
                checkOperator(code, tokens, i);
                continue;
            }
            if (t.kind() != 'i' || (i > 0 && isDot(tokens, i - 1))) {
                continue;
            }
            boolean afterNew = i > 0 && tokens.get(i - 1).kind() == 'i' && tokens.get(i - 1).text().equals("new");
            if (checkKeyword(t.text(), tokens, i)) {
                continue;
            }
            chain(tokens, i, afterNew);
        }
    }

    /** True when the word is a keyword (so not a name to resolve). */
    private boolean checkKeyword(String word, List<Token> tokens, int i) {
        boolean member = i + 1 < tokens.size() && isDot(tokens, i + 1);
        if (DEFINING.contains(word) && kind != Kind.JAVA_BLOCK) {
            note(word, "MVEL code that defines functions or imports is not rule code; use a DRL function or import");
            return true;
        }
        if (LOOPS.contains(word) && kind == Kind.EXPRESSION) {
            note(word, "a condition is one expression: no loops");
            return true;
        }
        if (kind == Kind.JAVA_BLOCK && (word.equals("synchronized"))) {
            note(word, "threads");
            return true;
        }
        if (kind == Kind.JAVA_BLOCK && (word.equals("class") || word.equals("interface") || word.equals("enum"))
                && !(i > 0 && isDot(tokens, i - 1))) {
            note(word, "a consequence or function may not declare classes");
            return true;
        }
        return WORDS.contains(word) && !member;
    }

    private void checkOperator(String code, List<Token> tokens, int i) {
        if (kind != Kind.EXPRESSION) {
            return;
        }
        Token t = tokens.get(i);
        if (t.is(";")) {
            note(";", "a condition is one expression: no statements");
        } else if (t.is("=")) {
            char before = t.at() > 0 ? code.charAt(t.at() - 1) : ' ';
            char after = t.at() + 1 < code.length() ? code.charAt(t.at() + 1) : ' ';
            if (after != '=' && "=!<>:~".indexOf(before) < 0) {
                note("=", "a condition only reads: no assignment");
            }
        } else if ((t.is("+") || t.is("-")) && t.at() + 1 < code.length() && code.charAt(t.at() + 1) == t.text().charAt(0)) {
            note(t.text() + t.text(), "a condition only reads: no assignment");
        }
    }

    /** Java code is pasted into a method: code that closes that method could add classes of its own. */
    private void checkBlocks(List<Token> tokens) {
        int depth = 0;
        for (Token t : tokens) {
            if (t.is("{")) {
                depth++;
            } else if (t.is("}")) {
                depth--;
                if (depth < 0) {
                    break;
                }
            }
        }
        if (depth != 0) {
            note("unbalanced braces", "code must stay inside the block it is written in");
        }
    }

    private static boolean isDot(List<Token> tokens, int i) {
        return tokens.get(i).is(".");
    }

    private void chain(List<Token> tokens, int start, boolean afterNew) {
        List<Segment> segments = segments(tokens, start);
        String first = segments.get(0).name();
        if (first.equals("drools") || first.equals("kcontext")) {
            engine(segments);
            return;
        }
        Class<?> type = null;
        int next = 1;
        Segment head = segments.get(0);
        if (!head.called() || afterNew) {
            Optional<Class<?>> simple = types.simple(first);
            if (simple.isPresent()) {
                type = simple.get();
            } else if (Character.isLowerCase(first.charAt(0))) {
                for (int m = 2; m <= segments.size() && !segments.get(m - 2).called(); m++) {
                    Optional<Class<?>> qualified = types.load(join(segments, m));
                    if (qualified.isPresent()) {
                        type = qualified.get();
                        next = m;
                        break;
                    }
                }
            }
        }
        if (type == null) {
            for (int k = 1; k < segments.size(); k++) {
                onUnknown(segments.get(k));
            }
            return;
        }
        if (!policy.allowsType(type.getName())) {
            note(type.getName() + (next < segments.size() ? "." + segments.get(next).name() : ""),
                    "outside the classes rules may use");
        }
        for (int k = next; k < segments.size() && type != null; k++) {
            Segment member = segments.get(k);
            if (!member.called()) {
                Optional<Class<?>> nested = types.load(type.getName() + "$" + member.name());
                if (nested.isPresent() && !member.name().equals("class")) {
                    type = nested.get();
                    if (!policy.allowsType(type.getName())) {
                        note(type.getName(), "outside the classes rules may use");
                    }
                    continue;
                }
            }
            String why = policy.refusal(type.getName(), member.name());
            if (why != null) {
                note(type.getName() + "." + member.name(), why);
            }
            type = memberType(type, member);
            if (type == null) {
                for (int rest = k + 1; rest < segments.size(); rest++) {
                    onUnknown(segments.get(rest));
                }
            }
        }
    }

    private void onUnknown(Segment member) {
        String why = CodePolicy.refusalOnUnknown(member.name());
        if (why != null) {
            note(member.name(), why);
        } else if (kind == Kind.EXPRESSION && member.called() && CodePolicy.changesACollection(member.name())) {
            note(member.name(), "a condition only reads: it may not change a collection");
        }
    }

    /** {@code drools} and {@code kcontext} give a consequence the rule's name and the fact operations, nothing else. */
    private void engine(List<Segment> segments) {
        String root = segments.get(0).name();
        if (segments.size() < 2) {
            return;
        }
        String member = segments.get(1).name();
        boolean allowed = root.equals("drools") ? ENGINE_CALLS.contains(member) : member.equals("getRule");
        if (!allowed) {
            note(root + "." + member, "the engine: a rule may read its own name and insert, update or delete facts, nothing else");
            return;
        }
        if (member.equals("getRule") && segments.size() > 2 && !segments.get(2).name().equals("getName")) {
            note(root + ".getRule()." + segments.get(2).name(), "the engine: a rule may read its own name, nothing else");
        }
    }

    /** The type a member gives, when the text alone tells it (one return type for all methods of that name). */
    private static Class<?> memberType(Class<?> type, Segment member) {
        String name = member.name();
        if (member.called()) {
            Class<?> result = null;
            for (Method method : type.getMethods()) {
                if (method.getName().equals(name)) {
                    if (result != null && result != method.getReturnType()) {
                        return null;
                    }
                    result = method.getReturnType();
                }
            }
            return result == null || result.isPrimitive() ? null : result;
        }
        for (Field field : type.getFields()) {
            if (field.getName().equals(name) && Modifier.isPublic(field.getModifiers())) {
                return field.getType().isPrimitive() ? null : field.getType();
            }
        }
        String property = name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() == 0
                    && (method.getName().equals("get" + property) || method.getName().equals("is" + property))) {
                return method.getReturnType().isPrimitive() ? null : method.getReturnType();
            }
        }
        return null;
    }

    private static String join(List<Segment> segments, int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            s.append(i == 0 ? "" : ".").append(segments.get(i).name());
        }
        return s.toString();
    }

    /** {@code a.b(x).c[1].d}: the names, each marked when it is called. MVEL's null-safe {@code .?} counts as a dot. */
    private static List<Segment> segments(List<Token> tokens, int start) {
        List<Segment> segments = new ArrayList<>();
        int i = start;
        while (true) {
            String name = tokens.get(i).text();
            int after = i + 1;
            boolean called = after < tokens.size() && tokens.get(after).is("(");
            if (called) {
                after = closing(tokens, after, "(", ")") + 1;
            }
            while (after < tokens.size() && tokens.get(after).is("[")) {
                after = closing(tokens, after, "[", "]") + 1;
            }
            segments.add(new Segment(name, i, called));
            if (after + 1 < tokens.size() && tokens.get(after).is(".")) {
                int member = after + 1;
                if (tokens.get(member).is("?") && member + 1 < tokens.size()) {
                    member++;
                }
                if (tokens.get(member).kind() == 'i') {
                    i = member;
                    continue;
                }
            }
            return segments;
        }
    }

    private static int closing(List<Token> tokens, int open, String left, String right) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).is(left)) {
                depth++;
            } else if (tokens.get(i).is(right) && --depth == 0) {
                return i;
            }
        }
        return tokens.size() - 1;
    }

    /** Identifiers ('i'), literals ('s', 'n') and single punctuation characters ('p'); comments dropped. */
    private static List<Token> tokens(String code) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (code.startsWith("//", i)) {
                int end = code.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (code.startsWith("\"\"\"", i)) {
                int end = code.indexOf("\"\"\"", i + 3);
                int stop = end < 0 ? n : end + 3;
                tokens.add(new Token(code.substring(i, stop), 's', i));
                i = stop;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && code.charAt(j) != c) {
                    j += code.charAt(j) == '\\' ? 2 : 1;
                }
                int stop = Math.min(n, j + 1);
                tokens.add(new Token(code.substring(i, stop), 's', i));
                i = stop;
            } else if (Character.isDigit(c)) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(code.charAt(j)) || code.charAt(j) == '_'
                        || (code.charAt(j) == '.' && j + 1 < n && Character.isDigit(code.charAt(j + 1))))) {
                    j++;
                }
                tokens.add(new Token(code.substring(i, j), 'n', i));
                i = j;
            } else if (Character.isJavaIdentifierStart(c)) {
                int j = i + 1;
                while (j < n && Character.isJavaIdentifierPart(code.charAt(j))) {
                    j++;
                }
                tokens.add(new Token(code.substring(i, j), 'i', i));
                i = j;
            } else {
                tokens.add(new Token(String.valueOf(c), 'p', i));
                i++;
            }
        }
        return tokens;
    }
}
