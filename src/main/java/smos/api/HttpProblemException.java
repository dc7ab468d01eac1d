package smos.api;

/** A request the HTTP layer itself refuses (wrong content type, body too large), with its status. */
class HttpProblemException extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;

    HttpProblemException(int status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    Problem problem(String instance) {
        return Problem.of(slug, title, status, getMessage(), instance);
    }
}
