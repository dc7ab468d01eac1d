package smos.publish;

/** A rollback to a version the domain's history does not hold. A 404. */
public class UnknownVersionException extends smos.failure.NotFoundException {
    public UnknownVersionException(String domain, String version) {
        super("the history of " + domain + " holds no version " + version + "; see GET /api/v1/domains/" + domain + "/history");
    }
}
