package smos.engine;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;
import smos.engine.allowed.CodeCheck;
import smos.engine.table.GeneratedDrl;
import smos.engine.table.TableDrlGenerator;
import smos.engine.table.TableValidator;
import smos.engine.table.WorkbookModel;
import smos.engine.table.WorkbookReader;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles one domain's bundle into a {@link CompiledRuleSet}. Spreadsheets are read and checked cell
 * by cell first, turned into DRL by Drools' decision-table compiler, and compiled together with the
 * domain's DRL files. Every problem is reported against the file, sheet and cell (or DRL line) a
 * person edits, never against generated DRL.
 */
public final class DomainCompiler {
    private static final int MAX_MESSAGE = 400;

    private final ClassLoader classLoader;

    public DomainCompiler(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    public DomainCompiler() {
        this(DomainCompiler.class.getClassLoader());
    }

    public CompileResult compile(DecisionDomain<?, ?> domain, DomainBundle bundle) {
        long started = System.nanoTime();
        DomainSources sources = bundle.sources();
        List<RuleProblem> problems = new ArrayList<>();
        if (sources.files().isEmpty()) {
            String tables = DomainLayout.folder(DomainLayout.Kind.DECISION_TABLE, domain.id());
            problems.add(RuleProblem.inFile(tables, "no rule files: expected *.xlsx or *.xls in " + tables
                    + " or *.drl in " + DomainLayout.folder(DomainLayout.Kind.DRL, domain.id())
                    + (sources.ignored().isEmpty() ? "" : "; found only " + String.join(", ", sources.ignored())
                    + ", which are not rule files")));
            return CompileResult.failed(bundle, problems);
        }
        Map<String, GeneratedDrl> generated = new LinkedHashMap<>();
        Map<String, WorkbookModel> workbooks = new HashMap<>();
        Map<String, String> drlFiles = new LinkedHashMap<>();
        for (SourceFile file : sources.files()) {
            if (file.kind() == SourceFile.Kind.DRL) {
                drlFiles.put(file.path(), new String(file.bytes(), StandardCharsets.UTF_8));
                continue;
            }
            WorkbookModel workbook = WorkbookReader.read(file.path(), file.bytes());
            workbooks.put(file.path(), workbook);
            List<RuleProblem> tableProblems = TableValidator.validate(workbook, classLoader);
            if (!tableProblems.isEmpty()) {
                problems.addAll(tableProblems);
                continue;
            }
            TableDrlGenerator.Result drl = TableDrlGenerator.generate(workbook, file.bytes(), domain.defaultStage());
            problems.addAll(drl.problems());
            drl.drls().forEach(g -> generated.put(g.resourcePath(), g));
        }
        problems.addAll(PackageCheck.check(List.copyOf(workbooks.values()), drlFiles));
        problems.addAll(duplicateNames(drlFiles, generated));
        if (!problems.isEmpty()) {
            return CompileResult.failed(bundle, CompileProblems.group(problems, workbooks));
        }
        // the code a rule may run is checked on its text before Drools builds anything, and on its
        // compiled classes before they become a rule base: refused code never runs (docs/decision-tables.md)
        CodeCheck codeCheck = CodeCheck.of(domain, classLoader);
        problems.addAll(codeCheck.source(drlFiles, List.copyOf(generated.values()), workbooks));
        if (!problems.isEmpty()) {
            return CompileResult.failed(bundle, problems);
        }

        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(classLoader));
        CompositeKnowledgeBuilder batch = builder.batch();
        drlFiles.forEach((path, text) -> batch.add(resource(path, text), ResourceType.DRL));
        generated.forEach((path, drl) -> batch.add(resource(path, drl.drl()), ResourceType.DRL));
        batch.build();
        for (KnowledgeBuilderResult result : builder.getResults(ResultSeverity.ERROR)) {
            problems.add(locate(result, generated, workbooks));
        }
        if (!problems.isEmpty()) {
            return CompileResult.failed(bundle, CompileProblems.group(problems, workbooks));
        }

        Map<String, RuleOrigin> origins = origins(drlFiles, generated);
        checkStages(domain, builder.getKnowledgePackages(), origins, problems);
        problems.addAll(codeCheck.compiled(builder.getKnowledgePackages(), origins));
        if (!problems.isEmpty()) {
            return CompileResult.failed(bundle, problems);
        }
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                KieServices.Factory.get().newKieBaseConfiguration(null, classLoader));
        kieBase.addPackages(builder.getKnowledgePackages());
        CompiledRuleSet ruleSet = new CompiledRuleSet(domain.id(), bundle.version(), bundle, kieBase,
                Map.copyOf(origins), Instant.now(), Duration.ofNanos(System.nanoTime() - started));
        return new CompileResult(domain.id(), bundle.version(), ruleSet, List.of());
    }

    private static Resource resource(String path, String text) {
        Resource resource = ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8));
        resource.setSourcePath(path);
        resource.setResourceType(ResourceType.DRL);
        return resource;
    }

    /** Maps a Drools error back to the DRL line, or to the sheet, row and (when it can tell) column. */
    private static RuleProblem locate(KnowledgeBuilderResult result, Map<String, GeneratedDrl> generated,
                                      Map<String, WorkbookModel> workbooks) {
        String path = result.getResource() == null ? null : result.getResource().getSourcePath();
        int line = firstLine(result.getLines());
        String message = shorten(result.getMessage());
        GeneratedDrl drl = path == null ? null : generated.get(path);
        if (drl == null) {
            return RuleProblem.atLine(path, line > 0 ? line : null, message);
        }
        String cell = GeneratedErrorLocator.cell(drl, workbooks.get(drl.file()), line, result.getMessage());
        return RuleProblem.inCell(drl.file(), drl.sheet(), cell, message);
    }

    private static int firstLine(int[] lines) {
        if (lines != null) {
            for (int line : lines) {
                if (line > 0) {
                    return line;
                }
            }
        }
        return -1;
    }

    /** One line, without the parser's pointers into the DRL text (the problem already says where). */
    private static String shorten(String message) {
        String flat = message == null ? "" : message
                .replaceAll("\\[Near : \\{.*?\\}\\]", "")
                .replaceAll("\\[Line: \\d+, Column: \\d+\\]", "")
                .replaceAll("\\s\\^\\s", " ")
                .replaceAll("\\s+", " ").trim();
        return flat.length() > MAX_MESSAGE ? flat.substring(0, MAX_MESSAGE) + "..." : flat;
    }

    private static Map<String, RuleOrigin> origins(Map<String, String> drlFiles, Map<String, GeneratedDrl> generated) {
        Map<String, RuleOrigin> origins = new HashMap<>();
        drlFiles.forEach((path, text) -> DrlRuleLines.of(text)
                .forEach((rule, line) -> origins.put(rule, RuleOrigin.atLine(path, line))));
        for (GeneratedDrl drl : generated.values()) {
            drl.rules().forEach(r -> origins.put(r.name(), RuleOrigin.inCell(drl.file(), drl.sheet(), r.cell())));
        }
        return origins;
    }

    /** Rule names are the ids of traces, coverage and expectRules: each must be unique in the domain. */
    private static List<RuleProblem> duplicateNames(Map<String, String> drlFiles, Map<String, GeneratedDrl> generated) {
        Map<String, RuleOrigin> seen = new HashMap<>();
        List<RuleProblem> problems = new ArrayList<>();
        drlFiles.forEach((path, text) -> DrlRuleLines.of(text).forEach((rule, line) ->
                noteName(seen, problems, rule, RuleOrigin.atLine(path, line))));
        for (GeneratedDrl drl : generated.values()) {
            drl.rules().forEach(r ->
                    noteName(seen, problems, r.name(), RuleOrigin.inCell(drl.file(), drl.sheet(), r.cell())));
        }
        return problems;
    }

    private static void noteName(Map<String, RuleOrigin> seen, List<RuleProblem> problems, String rule, RuleOrigin origin) {
        RuleOrigin first = seen.putIfAbsent(rule, origin);
        if (first != null) {
            problems.add(origin.problem("rule name " + rule + " is already used at " + first.source() + " "
                    + first.location() + "; every rule needs its own name"));
        }
    }

    /** A rule outside the domain's stages would never fire; say so instead of silently ignoring it. */
    private static void checkStages(DecisionDomain<?, ?> domain, Iterable<KiePackage> packages,
                                    Map<String, RuleOrigin> origins, List<RuleProblem> problems) {
        for (KiePackage pkg : packages) {
            for (Rule rule : pkg.getRules()) {
                String group = ((RuleImpl) rule).getAgendaGroup();
                if (!domain.stages().contains(group)) {
                    RuleOrigin origin = origins.get(rule.getName());
                    boolean drl = origin != null && !origin.isTableRow();
                    String message = "rule " + rule.getName() + " is in group \"" + group
                            + "\", which is not a stage of " + domain.id() + ", so it would never fire: "
                            + (drl ? "give it the attribute ruleflow-group \"<stage>\"" : "set RULEFLOW-GROUP (in the RuleSet"
                            + " area or a column)") + " with one of " + String.join(", ", domain.stages());
                    problems.add(origin == null ? RuleProblem.inFile(null, message) : origin.problem(message));
                }
            }
        }
    }
}
