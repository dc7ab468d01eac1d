package smos.common;

/** Aerolink's product lines (the contract conventions). */
public enum ProductLine {
    CONSUMER_ROUTER, WIFI7_ROUTER, MESH_SYSTEM, BUSINESS_ROUTER, ACCESS_POINT, SWITCH
}
