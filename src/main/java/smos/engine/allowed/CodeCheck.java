package smos.engine.allowed;

import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.DialectRuntimeData;
import org.drools.base.rule.Function;
import org.drools.base.rule.consequence.Consequence;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import smos.engine.DecisionDomain;
import smos.engine.RuleOrigin;
import smos.engine.RuleProblem;
import smos.engine.table.GeneratedDrl;
import smos.engine.table.WorkbookModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The check that published rules use only the code they may ({@link CodePolicy}), for one compile of
 * one domain. {@link #source} reads the DRL (written and generated from tables) before Drools builds
 * anything; {@link #compiled} reads the classes Drools compiled, before they become a rule base. A
 * compile with a problem from either has no rule base, so nothing refused here ever runs: not in the
 * gate's scenarios, not in a decision. Problems name the rule and the call, at the DRL line or the
 * table cell a person edits.
 */
public final class CodeCheck {
    private final CodePolicy policy;
    private final ClassLoader loader;
    private final Map<String, GeneratedDrl> generated = new HashMap<>();
    private final Map<String, WorkbookModel> workbooks = new HashMap<>();
    private final Set<String> unread = new LinkedHashSet<>();
    private final Map<String, Integer> functionLines = new HashMap<>();
    private final Set<String> declared = new HashSet<>();

    private CodeCheck(CodePolicy policy, ClassLoader loader) {
        this.policy = policy;
        this.loader = loader;
    }

    /** A check for one compile of {@code domain}, whose own classes live in the domain's Java package. */
    public static CodeCheck of(DecisionDomain<?, ?> domain, ClassLoader loader) {
        return new CodeCheck(new CodePolicy(domain.getClass().getPackageName(), Set.of()), loader);
    }

    /**
     * The text check of every DRL file: {@code drlFiles} by path, {@code tables} generated from the
     * workbooks. A file that does not parse is left to the compiler, which refuses it; should the
     * compiler read what this check could not, {@link #compiled} refuses it.
     */
    public List<RuleProblem> source(Map<String, String> drlFiles, List<GeneratedDrl> tables, Map<String, WorkbookModel> models) {
        tables.forEach(g -> generated.put(g.resourcePath(), g));
        workbooks.putAll(models);
        Map<String, String> texts = new LinkedHashMap<>(drlFiles);
        tables.forEach(g -> texts.put(g.resourcePath(), g.drl()));
        Map<String, PackageDescr> parsed = new LinkedHashMap<>();
        texts.forEach((path, text) -> {
            try {
                PackageDescr pkg = DrlCheck.parse(text);
                parsed.put(path, pkg);
                declared.addAll(DrlCheck.declaredTypes(pkg));
                for (FunctionDescr f : pkg.getFunctions()) {
                    functionLines.put(path + "#" + f.getName(), f.getLine());
                }
            } catch (DrlCheck.Unreadable e) {
                unread.add(path);
            }
        });
        CodePolicy withDeclared = policy.withGenerated(declared);
        List<RuleProblem> problems = new ArrayList<>();
        parsed.forEach((path, pkg) -> {
            for (DrlCheck.Finding f : DrlCheck.check(pkg, texts.get(path), withDeclared, loader)) {
                problems.add(problem(path, f.rule(), f.where(), f.line(), f.use().what(), f.use().why()));
            }
        });
        return problems;
    }

    /**
     * The check of the compiled classes of every package, by rule. {@code origins} says where each
     * rule was written.
     */
    public List<RuleProblem> compiled(Iterable<KiePackage> packages, Map<String, RuleOrigin> origins) {
        List<RuleProblem> problems = new ArrayList<>();
        for (String path : unread) {
            problems.add(RuleProblem.inFile(sourceFile(path), "the rules in this file could not be read to check the code they may run, so none of it may run"));
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        Map<String, Owner> owners = new LinkedHashMap<>();
        for (KiePackage kiePackage : packages) {
            InternalKnowledgePackage pkg = (InternalKnowledgePackage) kiePackage;
            DialectRuntimeData data = pkg.getDialectRuntimeRegistry().getDialectData("java");
            if (data instanceof JavaDialectRuntimeData java) {
                java.getStore().forEach((file, bytes) -> classes.put(file.replace('/', '.').replaceAll("\\.class$", ""), bytes));
            }
            for (Rule rule : pkg.getRules()) {
                RuleImpl impl = (RuleImpl) rule;
                Consequence consequence = impl.getConsequence();
                if (consequence != null) {
                    String invoker = consequence.getClass().getName();
                    owners.put(invoker.replaceAll("DefaultConsequenceInvoker$", ""),
                            new Owner(rule.getName(), "rule " + rule.getName(), path(impl.getResource())));
                }
            }
            for (Function function : pkg.getFunctions().values()) {
                owners.put(function.getClassName(), new Owner(null, "function " + function.getName(), path(function.getResource())));
            }
        }
        Set<String> generatedClasses = new HashSet<>(classes.keySet());
        generatedClasses.addAll(declared);
        CodePolicy withGenerated = policy.withGenerated(generatedClasses);
        Set<String> reported = new HashSet<>();
        classes.forEach((name, bytes) -> {
            Owner owner = ownerOf(name, owners);
            for (ClassFileCheck.Call call : ClassFileCheck.check(bytes, withGenerated)) {
                if (reported.add(owner.where() + " " + call.what())) {
                    problems.add(compiledProblem(owner, call, origins));
                }
            }
        });
        return problems;
    }

    private record Owner(String rule, String where, String path) {
    }

    /** The rule or function a class was compiled from: Drools names a rule's classes after its consequence class. */
    private static Owner ownerOf(String className, Map<String, Owner> owners) {
        Owner best = null;
        int length = -1;
        for (Map.Entry<String, Owner> e : owners.entrySet()) {
            if (className.startsWith(e.getKey()) && e.getKey().length() > length) {
                best = e.getValue();
                length = e.getKey().length();
            }
        }
        return best != null ? best : new Owner(null, "compiled class " + className, null);
    }

    private RuleProblem compiledProblem(Owner owner, ClassFileCheck.Call call, Map<String, RuleOrigin> origins) {
        RuleOrigin origin = owner.rule() == null ? null : origins.get(owner.rule());
        if (origin != null && !origin.isTableRow() && !generated.containsKey(owner.path())) {
            return origin.problem(message(owner.where(), call.what(), call.why()));
        }
        if (owner.path() != null) {
            Integer line = owner.rule() == null ? functionLines.get(owner.path() + "#" + owner.where().substring("function ".length())) : null;
            return problem(owner.path(), owner.rule(), owner.where(), line == null ? -1 : line, call.what(), call.why());
        }
        return RuleProblem.inFile(null, message(owner.where(), call.what(), call.why()));
    }

    private RuleProblem problem(String path, String rule, String where, int line, String what, String why) {
        String message = message(where, what, why);
        GeneratedDrl table = path == null ? null : generated.get(path);
        if (table == null) {
            return RuleProblem.atLine(path, line > 0 ? line : null, message);
        }
        return RuleProblem.inCell(table.file(), table.sheet(),
                TableCode.cell(table, workbooks.get(table.file()), rule, what), message);
    }

    static String message(String where, String what, String why) {
        return where + " may not use " + what + " (" + why + "; " + CodePolicy.GUIDE + ")";
    }

    private String sourceFile(String path) {
        GeneratedDrl table = generated.get(path);
        return table == null ? path : table.file();
    }

    private static String path(org.kie.api.io.Resource resource) {
        return resource == null ? null : resource.getSourcePath();
    }
}
