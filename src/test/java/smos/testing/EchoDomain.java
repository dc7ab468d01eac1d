package smos.testing;

import smos.engine.DecisionDomain;
import smos.engine.Evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A one-rule domain for tests that need a second, independent domain beside returns. */
public final class EchoDomain implements DecisionDomain<EchoDomain.Request, EchoDomain.Decision> {
    public static final String DRL = """
            package smos.testing.echo;
            import smos.testing.EchoDomain.Fact;

            rule "EchoText"
                ruleflow-group "echo"
            when
                $fact: Fact()
            then
                $fact.setAnswer("echo " + $fact.getText());
            end
            """;

    public record Request(String text) {
    }

    public record Decision(String answer) {
    }

    public static final class Fact {
        private final String text;
        private String answer;

        Fact(String text) {
            this.text = text;
        }

        public String getText() {
            return text;
        }

        public void setAnswer(String answer) {
            this.answer = answer;
        }
    }

    /** Writes the echo domain's rule file into a home folder. */
    public static void install(Path home) throws java.io.IOException {
        Path dir = Files.createDirectories(home.resolve("rules/echo"));
        Files.writeString(dir.resolve("echo.drl"), DRL);
    }

    @Override
    public String id() {
        return "echo";
    }

    @Override
    public String description() {
        return "Echoes its text (tests only).";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public List<String> stages() {
        return List.of("echo");
    }

    @Override
    public Evaluation<Decision> prepare(Request request) {
        Fact fact = new Fact(request.text());
        return Evaluation.of(fact, () -> new Decision(fact.answer));
    }
}
