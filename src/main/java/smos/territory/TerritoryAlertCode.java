package smos.territory;

public enum TerritoryAlertCode {
    UNMAPPED_STATE
}
