package smos.common;

/** Roles that own, approve, escalate to or receive a decision. */
public enum Role {
    ACCOUNT_EXECUTIVE, FIRST_LINE_MANAGER, REGIONAL_DIRECTOR, VP_SALES, EXECUTIVE_TEAM,
    SALES_OPS, FINANCE, HR, SUPPORT_MANAGER, DIRECTOR_CUSTOMER_EXPERIENCE, ACCOUNT_OWNER
}
