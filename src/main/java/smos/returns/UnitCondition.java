package smos.returns;

/** Whether the returned unit was sold new or refurbished. */
public enum UnitCondition {
    NEW, REFURBISHED
}
