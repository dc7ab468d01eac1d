package smos.returns;

public enum ReturnReason {
    CHANGED_MIND, DEFECTIVE, DEAD_ON_ARRIVAL, PHYSICAL_DAMAGE, LIQUID_DAMAGE
}
