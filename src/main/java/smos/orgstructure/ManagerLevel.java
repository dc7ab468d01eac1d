package smos.orgstructure;

/** The management levels the structure review counts. */
public enum ManagerLevel {
    FIRST_LINE_MANAGER, REGIONAL_DIRECTOR, VP_SALES
}
