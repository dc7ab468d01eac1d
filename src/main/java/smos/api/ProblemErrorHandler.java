package smos.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import smos.common.RequestIds;
import smos.request.Json;

import java.nio.ByteBuffer;

/**
 * Jetty's own error answers as problem+json: a request Jetty refuses before any route sees it (a bad
 * Content-Length, both Transfer-Encoding and Content-Length, a NUL in a header, {@code %zz} in the
 * path, a URI or headers too large, an unknown HTTP version, a refused {@code Expect}), and errors
 * Jetty's handlers answer themselves (too many queued requests). Type {@code /problems/http-<status>},
 * title the HTTP reason, detail Jetty's reason when it gave one; each answer gets a request id.
 */
final class ProblemErrorHandler extends ErrorHandler {

    /** Jetty writes an error body for GET, POST and HEAD only; every method gets one here (OPTIONS *, PRI). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    /** Requests that could not even be parsed: Jetty asks for the body and writes it itself. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String requestId = RequestIds.next();
        fields.put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        fields.put(ApiServer.REQUEST_ID_HEADER, requestId);
        return ByteBuffer.wrap(body(status, reason, null, requestId));
    }

    /** Errors of requests that were parsed: whatever the client accepts, the answer is problem+json. */
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String requestId = RequestIds.next();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.getHeaders().put(ApiServer.REQUEST_ID_HEADER, requestId);
        byte[] body = body(code, message, Request.getPathInContext(request), requestId);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static byte[] body(int status, String reason, String path, String requestId) {
        String title = HttpStatus.getMessage(status);
        String detail = reason == null || reason.isBlank() || reason.equals(title) ? describe(status) : reason;
        try {
            return Json.mapper().writeValueAsBytes(Problem.ofStatus(status, title, detail, path, requestId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem", e);
        }
    }

    private static String describe(int status) {
        return switch (status) {
            case 400 -> "the request is not well-formed HTTP";
            case 408 -> "the request was not received in time";
            case 413 -> "the request is larger than the service takes";
            case 414 -> "the request URI is longer than the service takes";
            case 417 -> "the expectation in the Expect header cannot be met";
            case 431 -> "the request headers are larger than the service takes";
            case 503 -> "the service is busy; retry later";
            case 505 -> "the HTTP version is not supported";
            default -> "the request could not be served (" + HttpStatus.getMessage(status) + ")";
        };
    }
}
