package smos.retention;

/** What the account team does about a customer's risk. */
public enum RetentionAction {
    ACCOUNT_REVIEW, NOTIFY_MANAGER, RETENTION_OFFER, EXECUTIVE_SPONSOR_CALL, CHECK_IN_CALL, REFERRAL_REQUEST
}
