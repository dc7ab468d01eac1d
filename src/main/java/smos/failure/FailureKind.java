package smos.failure;

/**
 * Every way a request can fail, with the HTTP status and problem type it becomes. The one place a
 * failure's status is said: the HTTP layer writes problem+json from it, and batch items, scenario
 * runs and the CLI report the same status and title without knowing HTTP.
 */
public enum FailureKind {
    /** The request is malformed or breaks the domain's contract; its errors name the fields. */
    INVALID_REQUEST(400, "invalid-request", "Invalid request"),
    /** A change that cannot be applied as asked (a bad file name). */
    INVALID_CHANGE(400, "invalid-change", "Invalid change"),
    /** A scenario file that cannot be read: not YAML, or without its domain or scenario list; names the line. */
    INVALID_SCENARIOS(400, "invalid-scenarios", "Invalid scenario file"),
    /** No credentials, or credentials no token matches. */
    UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
    /** The caller is known but its role does not allow this, or the feature is off. */
    FORBIDDEN(403, "forbidden", "Forbidden"),
    /** No domain has this id. */
    UNKNOWN_DOMAIN(404, "unknown-domain", "Unknown domain"),
    /** A version, record or file that does not exist. */
    NOT_FOUND(404, "not-found", "Not found"),
    /** The body did not arrive in time: it stopped for the idle timeout, or came slower than the minimum rate. */
    REQUEST_TIMEOUT(408, "request-timeout", "Request timeout"),
    /** The change was built on another version than the one that serves now. */
    CONFLICT(409, "conflict", "Conflict"),
    /** A body, item, list or line is larger than the service takes. */
    LIMIT_EXCEEDED(413, "limit-exceeded", "Limit exceeded"),
    /** The body is not of a type the endpoint reads. */
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    /** The rule files or scenarios of a change did not pass the gate: nothing changed. */
    CHANGE_REJECTED(422, "change-rejected", "Change rejected"),
    /** Scenarios run on request failed against the version that serves: each failure is listed. */
    SCENARIOS_FAILED(422, "scenarios-failed", "Scenarios failed"),
    /** A change must say which version it replaces (If-Match). */
    PRECONDITION_REQUIRED(428, "precondition-required", "Precondition required"),
    /** Too many connections or requests from one client. */
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
    /** The rules could not decide a valid request: a defect of the rules, never of the request. */
    RULES_DEFECT(500, "rules-defect", "The rules could not decide"),
    /** The domain, or a store it needs, cannot serve now. */
    DOMAIN_UNAVAILABLE(503, "domain-unavailable", "Domain unavailable"),
    /** The decision log cannot be written and is required: the decision is not answered. */
    AUDIT_UNAVAILABLE(503, "audit-unavailable", "Decision log unavailable"),
    /** Nothing could be recorded (a full disk): the change was refused whole. */
    INSUFFICIENT_STORAGE(507, "insufficient-storage", "Insufficient storage");

    private final int status;
    private final String slug;
    private final String title;

    FailureKind(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    /** The HTTP status, also reported by batch items and scenario runs. */
    public int status() {
        return status;
    }

    /** The problem type, {@code /problems/<slug>}. */
    public String type() {
        return "/problems/" + slug;
    }

    public String title() {
        return title;
    }
}
