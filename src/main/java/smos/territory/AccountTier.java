package smos.territory;

public enum AccountTier {
    STANDARD, KEY, STRATEGIC
}
