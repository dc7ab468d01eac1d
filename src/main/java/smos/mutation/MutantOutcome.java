package smos.mutation;

/**
 * What became of one mutant: a scenario noticed it ({@code KILLED}, with the first failure), the
 * checks or the compiler refused it ({@code REFUSED}, with the first problem), or nothing noticed it
 * ({@code SURVIVED}): a policy value the scenarios do not pin down.
 */
public record MutantOutcome(CellMutant mutant, Status status, String detail) {

    public enum Status { KILLED, REFUSED, SURVIVED }
}
