package smos.engine.allowed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.engine.CompileResult;
import smos.engine.Decided;
import smos.engine.DomainRegistry;
import smos.engine.Evaluator;
import smos.engine.RuleProblem;
import smos.testing.EchoDomain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reproduction 12 in the engine: rule code that reaches outside the allowed types is refused by
 * compiling, named by rule, line and call, and never runs. Each refused rule would create a marker
 * file if it ran; the marker never appears.
 */
class CodeThatMayRunTest {
    @TempDir
    Path home;

    private Path marker() {
        return home.resolve("ran.marker");
    }

    /** The echo domain with one DRL file; {@code %MARKER%} is replaced by the marker's path. */
    private CompileResult compileEcho(String drl) throws Exception {
        Files.createDirectories(home.resolve("rules/echo"));
        Files.writeString(home.resolve("rules/echo/echo.drl"), drl.replace("%MARKER%", marker().toString()));
        return new DomainRegistry(home, List.of(new EchoDomain())).load("echo");
    }

    private RuleProblem refused(CompileResult result, String call) {
        assertFalse(result.ok(), "compiled although it calls " + call);
        assertNull(result.ruleSet(), "a refused compile has nothing to run");
        assertFalse(Files.exists(marker()), "the refused code ran");
        return result.problems().stream().filter(p -> p.message().contains(call)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem names " + call + ": " + result.problems()));
    }

    private static String rule(String when, String then) {
        return """
                package smos.testing.echo;
                import smos.testing.EchoDomain.Fact;

                rule "Evil"
                    ruleflow-group "echo"
                when
                %s
                then
                %s
                end
                """.formatted(when, then);
    }

    @Test
    void runtimeExecInAConsequenceIsRefusedNamingTheRuleLineAndCall() throws Exception {
        CompileResult result = compileEcho(rule("    $f: Fact()",
                "    Runtime.getRuntime().exec(new String[] {\"touch\", \"%MARKER%\"});"));

        RuleProblem problem = refused(result, "java.lang.Runtime.exec");
        assertEquals("rules/echo/echo.drl", problem.file());
        assertEquals(9, problem.line(), "the call is on line 9");
        assertTrue(problem.message().startsWith("rule Evil may not use java.lang.Runtime.exec"), problem.message());
    }

    @Test
    void systemExitThreadsReflectionFilesAndSocketsAreRefused() throws Exception {
        String[][] cases = {
                {"System.exit(3);", "java.lang.System.exit"},
                {"Thread.sleep(60000);", "java.lang.Thread.sleep"},
                {"new Thread(() -> {}).start();", "java.lang.Thread"},
                {"Class.forName(\"java.lang.Runtime\");", "java.lang.Class.forName"},
                {"$f.getClass().getClassLoader();", "getClass"},
                {"java.nio.file.Files.writeString(java.nio.file.Path.of(\"%MARKER%\"), \"x\");", "java.nio.file.Files.writeString"},
                {"new java.io.FileWriter(\"%MARKER%\").close();", "java.io.FileWriter"},
                {"new java.net.Socket(\"localhost\", 80);", "java.net.Socket"},
                {"new ProcessBuilder(\"touch\", \"%MARKER%\").start();", "java.lang.ProcessBuilder"},
                {"java.lang.invoke.MethodHandles.lookup();", "java.lang.invoke.MethodHandles.lookup"},
                {"drools.getKieRuntime().halt();", "drools.getKieRuntime"},
                {"kcontext.getKieRuntime().halt();", "kcontext.getKieRuntime"},
                {"$f.setAnswer(String.valueOf(java.time.LocalDate.now()));", "java.time.LocalDate.now"},
                {"$f.setAnswer(System.getProperty(\"user.home\"));", "java.lang.System.getProperty"},
                {"insert(new java.io.File(\"%MARKER%\"));", "java.io.File"},
        };
        for (String[] c : cases) {
            refused(compileEcho(rule("    $f: Fact()", "    " + c[0])), c[1]);
        }
    }

    @Test
    void aForbiddenCallInAnEvalConditionIsRefusedBeforeRunning() throws Exception {
        CompileResult result = compileEcho(rule(
                "    $f: Fact()\n    eval(Runtime.getRuntime().exec(new String[] {\"touch\", \"%MARKER%\"}) != null)",
                "    $f.setAnswer(\"x\");"));

        RuleProblem problem = refused(result, "java.lang.Runtime.exec");
        assertEquals(8, problem.line(), "the eval is on line 8");
        assertTrue(problem.message().startsWith("rule Evil"), problem.message());
    }

    @Test
    void aForbiddenCallInAConstraintIsRefused() throws Exception {
        CompileResult result = compileEcho(rule(
                "    $f: Fact(text != java.lang.System.getenv(\"HOME\"))", "    $f.setAnswer(\"x\");"));

        refused(result, "java.lang.System.getenv");
    }

    @Test
    void aForbiddenCallInAFromExpressionIsRefused() throws Exception {
        CompileResult result = compileEcho(rule(
                "    $f: Fact()\n    $p: Object() from Runtime.getRuntime().exec(new String[] {\"touch\", \"%MARKER%\"})",
                "    $f.setAnswer(\"x\");"));

        RuleProblem problem = refused(result, "java.lang.Runtime.exec");
        assertTrue(problem.message().startsWith("rule Evil"), problem.message());
    }

    @Test
    void aForbiddenCallInAFunctionIsRefusedNamingTheFunction() throws Exception {
        CompileResult result = compileEcho("""
                package smos.testing.echo;
                import smos.testing.EchoDomain.Fact;

                function String shout(String text) {
                    try {
                        Runtime.getRuntime().exec(new String[] {"touch", "%MARKER%"});
                    } catch (Exception e) {
                    }
                    return text;
                }

                rule "CallsTheFunction"
                    ruleflow-group "echo"
                when
                    $f: Fact()
                then
                    $f.setAnswer(shout($f.getText()));
                end
                """);

        RuleProblem problem = refused(result, "java.lang.Runtime.exec");
        assertTrue(problem.message().startsWith("function shout may not use"), problem.message());
        assertEquals(6, problem.line(), "the call is on line 6");
    }

    @Test
    void mvelConsequencesAndDeclaredTypesAreReadToo() throws Exception {
        refused(compileEcho(rule("    $f: Fact()", "    System.exit(3);").replace("ruleflow-group \"echo\"",
                "ruleflow-group \"echo\"\n    dialect \"mvel\"")), "java.lang.System.exit");
        refused(compileEcho(rule("    $f: Fact(this.getClass().getClassLoader() != null)", "    $f.setAnswer(\"x\");")), "getClass");
        refused(compileEcho("""
                package smos.testing.echo;
                import smos.testing.EchoDomain.Fact;

                declare Note
                    text : String = String.valueOf(Runtime.getRuntime().exec("true"))
                end
                """ + rule("    $f: Fact()", "    $f.setAnswer(\"x\");").substring(rule("", "").indexOf("rule \""))),
                "java.lang.Runtime.exec");
    }

    @Test
    void codeThatClosesItsConsequenceToDeclareAClassIsRefused() throws Exception {
        CompileResult result = compileEcho(rule("    $f: Fact()",
                "    } static { System.exit(3); } public static void more() {"));

        refused(result, "unbalanced braces");
    }

    @Test
    void importsAndGlobalsOfForeignTypesAndInlineAccumulateCodeAreRefused() throws Exception {
        refused(compileEcho(rule("    $f: Fact()", "    $f.setAnswer(\"x\");")
                .replace("import smos.testing.EchoDomain.Fact;", "import smos.testing.EchoDomain.Fact;\nimport java.io.File;")), "java.io.File");
        refused(compileEcho(rule("    $f: Fact()", "    $f.setAnswer(\"x\");")
                .replace("rule \"Evil\"", "global java.lang.Runtime runtime;\n\nrule \"Evil\"")), "java.lang.Runtime");
        refused(compileEcho(rule("    $f: Fact()\n    $n: Number() from accumulate(Fact(), init(int n = 0;), action(n++;), result(n))",
                "    $f.setAnswer(\"x\");")), "accumulate init/action/result");
    }

    @Test
    void theCompiledClassesAreCheckedEvenWhereTheTextCheckWouldNotLook() throws Exception {
        String drl = rule("    $f: Fact()", "    Runtime.getRuntime().exec(\"true\");\n    System.exit(3);\n    Thread.sleep(1);\n"
                + "    Class.forName(\"java.lang.Runtime\");\n    new java.io.File(\"x\").delete();\n    Runnable r = () -> {};");
        org.kie.internal.builder.KnowledgeBuilder builder = org.kie.internal.builder.KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(org.kie.internal.io.ResourceFactory.newByteArrayResource(drl.getBytes()), org.kie.api.io.ResourceType.DRL);
        assertFalse(builder.hasErrors(), builder.getErrors().toString());

        List<String> calls = new java.util.ArrayList<>();
        for (org.kie.api.definition.KiePackage pkg : builder.getKnowledgePackages()) {
            Object data = ((org.drools.base.definitions.InternalKnowledgePackage) pkg).getDialectRuntimeRegistry().getDialectData("java");
            if (data instanceof org.drools.core.rule.JavaDialectRuntimeData java) {
                java.util.Set<String> generated = new java.util.HashSet<>();
                java.getStore().keySet().forEach(k -> generated.add(k.replace('/', '.').replace(".class", "")));
                CodePolicy policy = new CodePolicy("smos.testing", generated);
                java.getStore().values().forEach(bytes -> ClassFileCheck.check(bytes, policy).forEach(c -> calls.add(c.what())));
            }
        }

        for (String call : List.of("java.lang.Runtime.getRuntime", "java.lang.Runtime.exec", "java.lang.System.exit",
                "java.lang.Thread.sleep", "java.lang.Class.forName", "java.io.File.<init>", "java.io.File.delete",
                "java.lang.invoke.LambdaMetafactory.metafactory")) {
            assertTrue(calls.contains(call), () -> call + " not found in " + calls);
        }
        assertFalse(calls.contains("smos.testing.EchoDomain$Fact.setAnswer"), calls.toString());
    }

    @Test
    void ruleCodeUsingOnlyAllowedTypesIsAcceptedAndDecides() throws Exception {
        CompileResult result = compileEcho("""
                package smos.testing.echo;
                import smos.testing.EchoDomain.Fact;
                import java.math.BigDecimal;
                import java.math.RoundingMode;
                import java.time.LocalDate;
                import java.time.temporal.ChronoUnit;
                import java.util.List;

                rule "DueDateAndTotals"
                    ruleflow-group "echo"
                when
                    $f: Fact(text != null, text.length() == 10)
                    $count: Number() from accumulate(Fact(), count(1))
                    $total: BigDecimal() from accumulate(Fact($t: text), sumBD(new BigDecimal($t.length())))
                    $texts: List() from accumulate(Fact($t: text), collectList($t))
                    eval(LocalDate.parse($f.getText()).getYear() > 0)
                then
                    LocalDate due = LocalDate.parse($f.getText()).plus(30, ChronoUnit.DAYS);
                    BigDecimal share = $total.divide(new BigDecimal("4"), 2, RoundingMode.HALF_UP);
                    $f.setAnswer("due " + due + ", " + $count + " fact(s), " + $texts.size() + " text(s), share " + share
                            + " " + drools.getRule().getName());
                end
                """);

        assertTrue(result.ok(), () -> result.problems().toString());
        Decided<EchoDomain.Decision> decided = Evaluator.evaluate(result.ruleSet(), new EchoDomain(),
                new EchoDomain.Request("2026-11-30"));
        // 30 days after 30 November is 30 December; one fact of 10 characters: 10 / 4 = 2.50
        assertEquals("due 2026-12-30, 1 fact(s), 1 text(s), share 2.50 DueDateAndTotals", decided.decision().answer());
    }
}
