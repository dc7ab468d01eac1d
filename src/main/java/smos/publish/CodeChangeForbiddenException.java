package smos.publish;

import smos.engine.RuleProblem;

import java.util.List;

/** An editor's change touches code (a code cell, DRL, a rule file added or removed): a 403 naming each. */
public class CodeChangeForbiddenException extends smos.failure.ForbiddenException {
    private final transient List<RuleProblem> problems;

    public CodeChangeForbiddenException(String detail, List<RuleProblem> problems) {
        super(detail);
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
