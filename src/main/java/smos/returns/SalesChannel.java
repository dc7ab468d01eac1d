package smos.returns;

/** Where the customer bought the unit. */
public enum SalesChannel {
    DIRECT, RETAILER, DISTRIBUTOR
}
