package smos.engine.allowed;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AccumulateImportDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BehaviorDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalBranchDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EnumDeclarationDescr;
import org.drools.drl.ast.descr.EnumLiteralDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.GroupByDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NamedConsequenceDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.QualifiedName;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.ast.descr.WindowDeclarationDescr;
import org.drools.drl.ast.descr.WindowReferenceDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import smos.engine.allowed.CodeScan.Kind;
import smos.engine.allowed.CodeScan.Use;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The text check of one DRL file (written, or generated from a decision table): parsed with Drools'
 * own parser, then every piece of code in it is scanned: imports, globals, functions, declared types,
 * rule attributes, every condition (patterns and their constraints, eval, from, accumulate, collect),
 * and the consequences. A construct this check does not know is refused rather than let through.
 */
final class DrlCheck {
    /** Drools' built-in accumulate functions (kie.default.properties.conf): pure arithmetic and collecting. */
    static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "sumI", "sumL", "sumBI", "sumBD",
            "min", "minN", "minI", "minL", "minBI", "minBD", "max", "maxN", "maxI", "maxL", "maxBI", "maxBD",
            "average", "averageBD", "collectList", "collectSet", "variance", "standardDeviation");
    /** Attributes whose value Drools evaluates as code; the others are names and flags. */
    private static final Set<String> CODE_ATTRIBUTES = Set.of("salience", "enabled", "duration", "timer",
            "date-effective", "date-expires", "calendars");

    /** Something a file uses that it may not: in which rule (or null at package level), at which line. */
    record Finding(String rule, String where, int line, Use use) {
    }

    /** The file did not parse: the compiler reports why, and nothing of it is built. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private final CodePolicy policy;
    private final ClassLoader loader;
    private final List<Finding> findings = new ArrayList<>();
    private final String source;
    private TypeNames types;
    private String packageDialect = "java";

    private DrlCheck(CodePolicy policy, ClassLoader loader, String source) {
        this.policy = policy;
        this.loader = loader;
        this.source = source;
    }

    static PackageDescr parse(String drl) throws Unreadable {
        DrlParser parser = new DrlParser();
        try {
            PackageDescr pkg = parser.parse(false, drl);
            if (parser.hasErrors() || pkg == null) {
                throw new Unreadable(parser.getErrors().isEmpty() ? "unreadable" : parser.getErrors().get(0).getMessage());
            }
            return pkg;
        } catch (DroolsParserException e) {
            throw new Unreadable(e.getMessage());
        }
    }

    /** The names of the types a parsed file declares, so that other files of the domain may use them. */
    static Set<String> declaredTypes(PackageDescr pkg) {
        Set<String> names = new HashSet<>();
        for (TypeDeclarationDescr type : pkg.getTypeDeclarations()) {
            names.add(pkg.getName() + "." + type.getTypeName());
        }
        for (EnumDeclarationDescr type : pkg.getEnumDeclarations()) {
            names.add(pkg.getName() + "." + type.getTypeName());
        }
        return names;
    }

    static List<Finding> check(PackageDescr pkg, String source, CodePolicy policy, ClassLoader loader) {
        DrlCheck check = new DrlCheck(policy, loader, source);
        check.run(pkg);
        return check.findings;
    }

    private void run(PackageDescr pkg) {
        Set<String> declared = new HashSet<>();
        pkg.getTypeDeclarations().forEach(t -> declared.add(t.getTypeName()));
        pkg.getEnumDeclarations().forEach(t -> declared.add(t.getTypeName()));
        pkg.getRules().stream().filter(RuleDescr::isQuery).forEach(q -> declared.add(q.getName()));
        List<String> imports = new ArrayList<>();
        pkg.getImports().forEach(i -> imports.add(i.getTarget()));
        types = new TypeNames(loader, pkg.getName(), imports, declared);
        AttributeDescr dialect = pkg.getAttribute("dialect");
        if (dialect != null) {
            packageDialect = dialect.getValue();
        }
        for (ImportDescr i : pkg.getImports()) {
            checkImport(i);
        }
        for (FunctionImportDescr f : pkg.getFunctionImports()) {
            String target = f.getTarget();
            int dot = target.lastIndexOf('.');
            String owner = target.substring(0, Math.max(dot, 0));
            types.load(owner).ifPresentOrElse(
                    c -> refuse(null, "import function", f, target, policy.refusal(c.getName(), target.substring(dot + 1))),
                    () -> refuse(null, "import function", f, target, "not a class rules may use"));
        }
        for (AccumulateImportDescr a : pkg.getAccumulateImports()) {
            refuse(null, "import accumulate", a, a.getTarget(),
                    "only the built-in accumulate functions may run (sum, count, min, max, average, collectList, collectSet and their typed forms)");
        }
        for (GlobalDescr g : pkg.getGlobals()) {
            typeUse(null, "global " + g.getIdentifier(), g, g.getType());
        }
        for (FunctionDescr f : pkg.getFunctions()) {
            String where = "function " + f.getName();
            typeUse(null, where, f, f.getReturnType());
            f.getParameterTypes().forEach(t -> typeUse(null, where, f, t));
            code(null, where, f, f.getBody(), "java".equals(f.getDialect()) || f.getDialect() == null ? Kind.JAVA_BLOCK : Kind.MVEL_BLOCK);
        }
        for (TypeDeclarationDescr t : pkg.getTypeDeclarations()) {
            String where = "declare " + t.getTypeName();
            for (QualifiedName sup : t.getSuperTypes()) {
                typeUse(null, where, t, sup.getFullName());
            }
            for (TypeFieldDescr field : t.getFields().values()) {
                typeUse(null, where, field, field.getPattern().getObjectType());
                code(null, where, field, field.getInitExpr(), Kind.EXPRESSION);
            }
        }
        for (EnumDeclarationDescr e : pkg.getEnumDeclarations()) {
            String where = "declare enum " + e.getTypeName();
            for (TypeFieldDescr field : e.getFields().values()) {
                typeUse(null, where, field, field.getPattern().getObjectType());
            }
            for (EnumLiteralDescr literal : e.getLiterals()) {
                literal.getConstructorArgs().forEach(arg -> code(null, where, e, arg, Kind.EXPRESSION));
            }
        }
        for (WindowDeclarationDescr w : pkg.getWindowDeclarations()) {
            condition(null, "window " + w.getName(), w.getPattern());
        }
        for (RuleDescr rule : pkg.getRules()) {
            rule(rule);
        }
    }

    private void checkImport(ImportDescr i) {
        String target = i.getTarget();
        if (target.endsWith(".*")) {
            String pkg = target.substring(0, target.length() - 2);
            if (!policy.allowsPackage(pkg) && types.load(pkg).map(c -> !policy.allowsType(c.getName())).orElse(true)) {
                refuse(null, "import", i, target, "outside the packages rules may use");
            }
            return;
        }
        typeUse(null, "import", i, target);
    }

    private void rule(RuleDescr rule) {
        String name = rule.getName();
        String where = (rule.isQuery() ? "query " : "rule ") + name;
        String dialect = packageDialect;
        for (Map.Entry<String, AttributeDescr> attribute : rule.getAttributes().entrySet()) {
            if (attribute.getKey().equals("dialect")) {
                dialect = attribute.getValue().getValue();
            } else if (CODE_ATTRIBUTES.contains(attribute.getKey())) {
                code(name, where, attribute.getValue(), attribute.getValue().getValue(), Kind.EXPRESSION);
            }
        }
        if (rule.getLhs() != null) {
            condition(name, where, rule.getLhs());
        }
        Kind consequence = "mvel".equals(dialect) ? Kind.MVEL_BLOCK : Kind.JAVA_BLOCK;
        if (rule.getConsequence() instanceof String text) {
            code(name, where, rule.getConsequenceLine(), text, consequence);
        }
        for (Object named : rule.getNamedConsequences().values()) {
            if (named instanceof String text) {
                code(name, where, rule.getConsequenceLine(), text, consequence);
            }
        }
    }

    private void condition(String rule, String where, BaseDescr descr) {
        if (descr == null) {
            return;
        }
        if (descr instanceof PatternDescr pattern) {
            if (pattern.getObjectType() != null && !pattern.isQuery()) {
                typeUse(rule, where, pattern, pattern.getObjectType());
            }
            for (BaseDescr constraint : pattern.getDescrs()) {
                condition(rule, where, constraint);
            }
            if (pattern.getBehaviors() != null) {
                pattern.getBehaviors().forEach(b -> condition(rule, where, b));
            }
            source(rule, where, pattern.getSource());
        } else if (descr instanceof ExprConstraintDescr constraint) {
            code(rule, where, constraint, constraint.getExpression(), Kind.EXPRESSION);
        } else if (descr instanceof BindingDescr binding) {
            code(rule, where, binding, binding.getExpression(), Kind.EXPRESSION);
        } else if (descr instanceof EvalDescr eval) {
            code(rule, where, eval, String.valueOf(eval.getContent()), Kind.EXPRESSION);
        } else if (descr instanceof ForallDescr forall) {
            forall.getDescrs().forEach(d -> condition(rule, where, d));
        } else if (descr instanceof ConditionalBranchDescr branch) {
            condition(rule, where, branch.getCondition());
            condition(rule, where, branch.getElseBranch());
        } else if (descr instanceof ConditionalElementDescr element) {
            element.getDescrs().forEach(d -> condition(rule, where, d));
        } else if (descr instanceof PatternSourceDescr sourceDescr) {
            source(rule, where, sourceDescr);
        } else if (!(descr instanceof NamedConsequenceDescr || descr instanceof BehaviorDescr)) {
            refuse(rule, where, descr, descr.getClass().getSimpleName(), "a construct this check does not read, so it may not run");
        }
    }

    private void source(String rule, String where, PatternSourceDescr source) {
        if (source == null || source instanceof EntryPointDescr || source instanceof WindowReferenceDescr) {
            return;
        }
        if (source instanceof FromDescr from) {
            code(rule, where, from, from.getExpression(), Kind.EXPRESSION);
        } else if (source instanceof CollectDescr collect) {
            condition(rule, where, collect.getInputPattern());
        } else if (source instanceof GroupByDescr groupBy) {
            refuse(rule, where, groupBy, "groupby", "a construct this check does not read, so it may not run");
        } else if (source instanceof AccumulateDescr accumulate) {
            accumulate(rule, where, accumulate);
        } else {
            refuse(rule, where, source, source.getClass().getSimpleName(), "a construct this check does not read, so it may not run");
        }
    }

    private void accumulate(String rule, String where, AccumulateDescr accumulate) {
        condition(rule, where, accumulate.getInput());
        if (accumulate.getInitCode() != null || accumulate.getActionCode() != null
                || accumulate.getResultCode() != null || accumulate.getReverseCode() != null) {
            refuse(rule, where, accumulate, "accumulate init/action/result",
                    "code inside an accumulate may not run; use a built-in function such as sumBD, count, min, max or collectList");
        }
        for (AccumulateDescr.AccumulateFunctionCallDescr call : accumulate.getFunctions()) {
            if (!ACCUMULATE_FUNCTIONS.contains(call.getFunction())) {
                refuse(rule, where, accumulate, "accumulate function " + call.getFunction(),
                        "only the built-in accumulate functions may run (sum, count, min, max, average, collectList, collectSet and their typed forms)");
            }
            for (String param : call.getParams()) {
                code(rule, where, accumulate, param, Kind.EXPRESSION);
            }
        }
    }

    private void typeUse(String rule, String where, BaseDescr descr, String typeName) {
        if (typeName == null || typeName.isBlank()) {
            return;
        }
        for (String part : typeName.replaceAll("[<>,\\[\\]?]", " ").trim().split("\\s+")) {
            if (part.isEmpty() || part.equals("extends") || part.equals("super") || isPrimitive(part)) {
                continue;
            }
            types.named(part).ifPresent(c -> {
                if (!policy.allowsType(c.getName())) {
                    refuse(rule, where, descr, c.getName(), "outside the classes rules may use");
                }
            });
        }
    }

    private static boolean isPrimitive(String name) {
        return Set.of("int", "long", "double", "float", "boolean", "char", "byte", "short", "void").contains(name);
    }

    private void code(String rule, String where, BaseDescr descr, String text, Kind kind) {
        code(rule, where, descr == null ? -1 : descr.getLine(), text, kind);
    }

    private void code(String rule, String where, int line, String text, Kind kind) {
        List<Use> uses = CodeScan.scan(text, kind, types, policy);
        int first = uses.isEmpty() ? line : firstLine(text, line);
        for (Use use : uses) {
            findings.add(new Finding(rule, where, first > 0 ? first + use.line() : first, use));
        }
    }

    /** The line the code text starts on: found in the file from the line its element starts on. */
    private int firstLine(String text, int line) {
        if (line <= 0 || text == null || text.isEmpty()) {
            return line;
        }
        int from = 0;
        for (int l = 1; l < line && from >= 0; l++) {
            from = source.indexOf('\n', from) + 1;
        }
        int found = from > 0 || line == 1 ? source.indexOf(text, from) : -1;
        if (found < 0) {
            return line;
        }
        int result = line;
        for (int i = from; i < found; i++) {
            if (source.charAt(i) == '\n') {
                result++;
            }
        }
        return result;
    }

    private void refuse(String rule, String where, BaseDescr descr, String what, String why) {
        if (why != null) {
            findings.add(new Finding(rule, where, descr == null ? -1 : descr.getLine(), new Use(what, why, 0)));
        }
    }
}
